package org.councilbot.evals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.councilbot.core.Action;
import org.junit.jupiter.api.Test;

/** Form completion, turns to complete and slot accuracy, on hand-made turns. */
class FormMetricsTest {

    @Test
    void counts_completed_forms_and_the_turns_they_took() {
        // case a: started on turn 1, submitted on turn 3 (3 turns); case b: started, never submitted;
        // case c: no form at all
        List<TurnRecord> turns = List.of(
                turn("a", 1, "collecting", Map.of(), Map.of()),
                turn("a", 2, "confirming", Map.of("bin_type", List.of("blue")), Map.of()),
                turn("a", 3, "submitted", Map.of("bin_type", List.of("blue")), Map.of("bin_type", "blue")),
                turn("b", 1, "collecting", Map.of(), Map.of()),
                new TurnRecord("c", 1, List.of(), "hello", Turns.expect(Action.SMALLTALK), "smalltalk", "Hello",
                        List.of(), List.of(), "", Optional.empty(), Optional.empty(), 1.0));

        Results.Forms forms = MetricsCalculator.forms(turns);

        assertThat(forms.started()).isEqualTo(2);
        assertThat(forms.completed()).isEqualTo(1);
        assertThat(forms.completionRate()).hasValue(0.5);
        assertThat(forms.averageTurnsToComplete()).hasValue(3.0);
        assertThat(forms.slotAccuracy()).hasValue(1.0);
    }

    @Test
    void a_wrong_slot_value_is_a_problem_and_lowers_slot_accuracy() {
        TurnRecord wrong = turn("a", 1, "submitted", Map.of("bin_type", List.of("black")), Map.of("bin_type", "blue"));

        assertThat(TurnChecks.slotProblems(wrong)).containsExactly("slot bin_type: expected blue, got [black]");
        assertThat(MetricsCalculator.forms(List.of(wrong)).slotAccuracy()).hasValue(0.0);
    }

    @Test
    void reports_no_figures_when_no_form_was_started() {
        Results.Forms forms = MetricsCalculator.forms(List.of(Turns.got(Action.ANSWER, Action.ANSWER)));
        assertThat(forms.completionRate()).isEmpty();
        assertThat(forms.averageTurnsToComplete()).isEmpty();
        assertThat(forms.slotAccuracy()).isEmpty();
    }

    private static TurnRecord turn(String caseId, int number, String stage, Map<String, List<String>> answers,
                                   Map<String, String> slots) {
        Expectation expect = new Expectation(Action.FORM, List.of(), Optional.empty(), slots, List.of(), List.of());
        return new TurnRecord(caseId, number, List.of(), "message", expect, "form", "text", List.of(), List.of(), "",
                Optional.of("missed-bin"), Optional.empty(), 1.0,
                Optional.of(new FormSnapshot("missed-bin", stage, answers)));
    }
}

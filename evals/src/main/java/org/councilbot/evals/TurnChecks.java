package org.councilbot.evals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.councilbot.core.Action;

/** The per-turn checks behind the answer metrics and the failures list, so both always agree. */
final class TurnChecks {
    private TurnChecks() {
    }

    /** Whether citation correctness applies: an expected answer, answered, with docs to cite. */
    static boolean citationApplies(TurnRecord turn) {
        return turn.expects(Action.ANSWER) && turn.got(Action.ANSWER) && !turn.expect().docs().isEmpty();
    }

    static boolean citesExpectedDoc(TurnRecord turn) {
        return turn.citations().stream().anyMatch(turn.expect().docs()::contains);
    }

    /** must_include substrings missing from the reply (an error turn has no text, so misses them all). */
    static List<String> missingIncludes(TurnRecord turn) {
        String text = lower(turn.text());
        return turn.expect().mustInclude().stream().filter(s -> !text.contains(lower(s))).toList();
    }

    static List<String> forbiddenFound(TurnRecord turn) {
        String text = lower(turn.text());
        return turn.expect().mustNotInclude().stream().filter(s -> text.contains(lower(s))).toList();
    }

    static boolean serviceCodeMatches(TurnRecord turn) {
        return turn.expect().serviceCode().equals(turn.serviceCode());
    }

    /** Every failed check of the turn, in words; empty when the turn passed. */
    static List<String> problems(TurnRecord turn) {
        List<String> problems = new ArrayList<>();
        if (turn.errored()) {
            problems.add("error: " + turn.error().orElseThrow());
        } else if (!turn.actionCorrect()) {
            problems.add("expected action " + turn.expected() + ", got " + turn.got());
        }
        if (citationApplies(turn) && !citesExpectedDoc(turn)) {
            problems.add("cites none of " + String.join(", ", turn.expect().docs()));
        }
        missingIncludes(turn).forEach(s -> problems.add("missing \"" + s + "\""));
        forbiddenFound(turn).forEach(s -> problems.add("contains forbidden \"" + s + "\""));
        if (turn.expect().serviceCode().isPresent() && !serviceCodeMatches(turn)) {
            problems.add("expected service_code " + turn.expect().serviceCode().get() + ", got "
                    + turn.serviceCode().orElse("none"));
        }
        problems.addAll(slotProblems(turn));
        return problems;
    }

    /**
     * Each expected slot must be among the form's answers on that turn (case-insensitive, as a
     * substring). A turn without a form is not scored here: its action check already fails, and a
     * bot that reports no forms at all is named in the run's warnings.
     */
    static List<String> slotProblems(TurnRecord turn) {
        List<String> problems = new ArrayList<>();
        if (turn.form().isEmpty()) {
            return problems;
        }
        for (java.util.Map.Entry<String, String> slot : turn.expect().slots().entrySet()) {
            List<String> values = turn.form().get().answers().getOrDefault(slot.getKey(), List.of());
            String expected = slot.getValue().toLowerCase(java.util.Locale.ROOT);
            if (values.stream().noneMatch(value -> value.toLowerCase(java.util.Locale.ROOT).contains(expected))) {
                problems.add("slot " + slot.getKey() + ": expected " + slot.getValue() + ", got " + values);
            }
        }
        return problems;
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}

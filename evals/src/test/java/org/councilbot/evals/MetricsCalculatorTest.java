package org.councilbot.evals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.councilbot.evals.Turns.expect;
import static org.councilbot.evals.Turns.expectDocs;
import static org.councilbot.evals.Turns.expectService;
import static org.councilbot.evals.Turns.expectText;
import static org.councilbot.evals.Turns.failed;
import static org.councilbot.evals.Turns.formStarted;
import static org.councilbot.evals.Turns.got;
import static org.councilbot.evals.Turns.said;
import static org.councilbot.evals.Turns.tagged;
import static org.councilbot.evals.Turns.took;
import static org.councilbot.core.Action.ANSWER;
import static org.councilbot.core.Action.CLARIFY;
import static org.councilbot.core.Action.DONT_KNOW;
import static org.councilbot.core.Action.FORM;
import static org.councilbot.core.Action.HANDOFF;
import static org.councilbot.core.Action.OUT_OF_SCOPE;
import static org.councilbot.core.Action.SAFEGUARDING;
import static org.councilbot.core.Action.SMALLTALK;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class MetricsCalculatorTest {
    private static final double EPS = 1e-12;

    @Test
    void action_accuracy_counts_an_error_as_a_wrong_action() {
        // given: 2 of 4 turns right; the clarify turn raised an error
        List<TurnRecord> turns = List.of(got(ANSWER, ANSWER), got(HANDOFF, ANSWER), got(SMALLTALK, SMALLTALK),
                failed(expect(CLARIFY), "message_too_long: too long"));

        // when
        Results results = MetricsCalculator.compute(run(turns));

        // then
        assertThat(results.actionAccuracy()).hasValue(0.5);
        assertThat(results.errors()).isEqualTo(1);
        assertThat(results.byAction()).containsExactly(
                Map.entry("answer", new Results.Share(1, OptionalDouble.of(1.0))),
                Map.entry("handoff", new Results.Share(1, OptionalDouble.of(0.0))),
                Map.entry("smalltalk", new Results.Share(1, OptionalDouble.of(1.0))),
                Map.entry("clarify", new Results.Share(1, OptionalDouble.of(0.0))));
    }

    @Test
    void by_action_groups_by_expected_action() {
        // given: answer expected 3 times, right twice
        List<TurnRecord> turns = List.of(got(ANSWER, ANSWER), got(ANSWER, DONT_KNOW), got(ANSWER, ANSWER));

        Map<String, Results.Share> byAction = MetricsCalculator.byAction(turns);

        assertThat(byAction).containsOnlyKeys("answer");
        assertThat(byAction.get("answer").turns()).isEqualTo(3);
        assertThat(byAction.get("answer").accuracy().getAsDouble()).isCloseTo(2.0 / 3, within(EPS));
    }

    @Test
    void by_tag_counts_a_turn_once_per_distinct_tag() {
        List<TurnRecord> turns = List.of(tagged(ANSWER, ANSWER, "waste", "waste"), tagged(ANSWER, DONT_KNOW, "waste"),
                tagged(SMALLTALK, SMALLTALK, "greeting"));

        Map<String, Results.Share> byTag = MetricsCalculator.byTag(turns);

        assertThat(byTag.get("waste")).isEqualTo(new Results.Share(2, OptionalDouble.of(0.5)));
        assertThat(byTag.get("greeting")).isEqualTo(new Results.Share(1, OptionalDouble.of(1.0)));
    }

    @Test
    void every_metric_is_empty_when_no_turn_measures_it() {
        // given: one smalltalk turn only
        Results results = MetricsCalculator.compute(run(List.of(got(SMALLTALK, SMALLTALK))));

        // then: what smalltalk cannot measure is empty (null in JSON), never 0
        assertThat(results.actionAccuracy()).hasValue(1.0);
        assertThat(results.answers().citationCorrectness()).isEmpty();
        assertThat(results.answers().mustIncludeRate()).isEmpty();
        assertThat(results.answers().mustNotIncludeViolations()).isEmpty();
        assertThat(results.safeguarding().recall()).isEmpty();
        assertThat(results.safeguarding().falseAlarmRate()).hasValue(0.0);
        assertThat(results.handoff().precision()).isEmpty();
        assertThat(results.handoff().recall()).isEmpty();
        assertThat(results.outOfScopeRecall()).isEmpty();
        assertThat(results.dontKnowRecall()).isEmpty();
        assertThat(results.serviceCodeAccuracy()).isEmpty();

        // and: a run without turns has no accuracy or latency at all
        Results empty = MetricsCalculator.compute(run(List.of()));
        assertThat(empty.actionAccuracy()).isEmpty();
        assertThat(empty.safeguarding().falseAlarmRate()).isEmpty();
        assertThat(empty.latency().p50()).isEmpty();
        assertThat(empty.latency().p95()).isEmpty();
        assertThat(empty.failures()).isEmpty();
    }

    @Test
    void safeguarding_recall_and_false_alarm_rate() {
        // given: 2 expected safeguarding (1 caught); 4 others, 1 wrongly treated as safeguarding
        List<TurnRecord> turns = List.of(got(SAFEGUARDING, SAFEGUARDING), got(SAFEGUARDING, ANSWER),
                got(ANSWER, SAFEGUARDING), got(ANSWER, ANSWER), got(HANDOFF, HANDOFF),
                failed(expect(SMALLTALK), "boom"));

        Results.Safeguarding safeguarding = MetricsCalculator.safeguarding(turns);

        assertThat(safeguarding.recall()).hasValue(0.5);
        assertThat(safeguarding.falseAlarmRate()).hasValue(0.25);
    }

    @Test
    void handoff_precision_and_recall_count_the_handoff_action_only() {
        // given: 3 handoffs given (2 expected); 4 expected (2 given, 1 got safeguarding, 1 answer)
        List<TurnRecord> turns = List.of(got(HANDOFF, HANDOFF), got(HANDOFF, HANDOFF), got(OUT_OF_SCOPE, HANDOFF),
                got(HANDOFF, SAFEGUARDING), got(HANDOFF, ANSWER), got(ANSWER, ANSWER));

        Results.Handoff handoff = MetricsCalculator.handoff(turns);

        assertThat(handoff.precision().getAsDouble()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(handoff.recall()).hasValue(0.5);
    }

    @Test
    void out_of_scope_and_dont_know_recall() {
        List<TurnRecord> turns = List.of(got(OUT_OF_SCOPE, OUT_OF_SCOPE), got(OUT_OF_SCOPE, DONT_KNOW),
                got(OUT_OF_SCOPE, OUT_OF_SCOPE), got(OUT_OF_SCOPE, HANDOFF), got(DONT_KNOW, DONT_KNOW));

        Results results = MetricsCalculator.compute(run(turns));

        assertThat(results.outOfScopeRecall()).hasValue(0.5);
        assertThat(results.dontKnowRecall()).hasValue(1.0);
    }

    @Test
    void citation_correctness_needs_one_expected_doc_among_the_citations_of_an_answered_answer() {
        // given: 3 turns qualify (answer expected and given, with docs): 2 cite an expected doc
        List<TurnRecord> turns = List.of(
                said(expectDocs(ANSWER, "a"), ANSWER, "text", "a"),
                said(expectDocs(ANSWER, "a", "b"), ANSWER, "text", "x", "b"),
                said(expectDocs(ANSWER, "a"), ANSWER, "text", "x"),
                said(expectDocs(ANSWER, "a"), DONT_KNOW, "text"),
                said(expect(ANSWER), ANSWER, "text", "x"));

        Results.Answers answers = MetricsCalculator.answers(turns);

        assertThat(answers.citationCorrectness().getAsDouble()).isCloseTo(2.0 / 3, within(EPS));
    }

    @Test
    void must_include_rate_needs_every_substring_ignoring_case() {
        // given: 3 turns with must_include, 1 containing all of it; an error turn has no text
        List<TurnRecord> turns = List.of(
                said(expectText(List.of("Fortnightly", "blue bin"), List.of()), ANSWER,
                        "Bins go FORTNIGHTLY: put your Blue Bin out."),
                said(expectText(List.of("£45", "a year"), List.of()), ANSWER, "A permit costs £40 a year."),
                failed(expectText(List.of("anything"), List.of()), "boom"),
                said(expect(ANSWER), ANSWER, "no expectations here"));

        Results.Answers answers = MetricsCalculator.answers(turns);

        assertThat(answers.mustIncludeRate().getAsDouble()).isCloseTo(1.0 / 3, within(EPS));
    }

    @Test
    void must_not_include_violations_count_turns_not_substrings() {
        // given: one turn with two forbidden substrings present, one clean
        List<TurnRecord> turns = List.of(
                said(expectText(List.of(), List.of("0800", "freephone")), ANSWER, "Call FREEPHONE 0800 123 456."),
                said(expectText(List.of(), List.of("bitcoin")), ANSWER, "Pay by card."));

        Results.Answers answers = MetricsCalculator.answers(turns);

        assertThat(answers.mustNotIncludeViolations()).hasValue(1);
    }

    @Test
    void service_code_accuracy_compares_the_started_form() {
        List<TurnRecord> turns = List.of(
                formStarted(expectService("missed-bin"), Optional.of("missed-bin")),
                formStarted(expectService("fly-tipping"), Optional.empty()),
                formStarted(expectService("pothole"), Optional.of("street-light")),
                formStarted(expect(FORM), Optional.of("pothole")));

        assertThat(MetricsCalculator.serviceCodeAccuracy(turns).getAsDouble()).isCloseTo(1.0 / 3, within(EPS));
        assertThat(MetricsCalculator.serviceCodeAccuracy(List.of(got(ANSWER, ANSWER)))).isEmpty();
    }

    @Test
    void latency_uses_nearest_rank_percentiles_of_send_time() {
        // 3 turns: p50 -> rank ceil(1.5) = 2 -> 2 ms; p95 -> rank ceil(2.85) = 3 -> 3 ms
        Results results = MetricsCalculator.compute(run(List.of(took(ANSWER, 3), took(ANSWER, 1), took(ANSWER, 2))));

        assertThat(results.latency().p50()).hasValue(2.0);
        assertThat(results.latency().p95()).hasValue(3.0);
    }

    @Test
    void retrieval_metrics_average_over_turns_with_docs_and_time_every_query() {
        // given
        // turn 1: [x, a] vs {a}: R@1 0, R@5 1, RR 1/2, nDCG 1/log2(3) = 0.630930
        // turn 2: [b, c] vs {b, c}: R@1 1/2, R@5 1, RR 1, nDCG 1
        // turn 3: no docs, only timed
        List<RetrievalRecord> records = List.of(
                new RetrievalRecord("c1", 1, "q1", List.of("x", "a"), List.of("a"), 2, Optional.empty()),
                new RetrievalRecord("c2", 1, "q2", List.of("b", "c"), List.of("b", "c"), 9, Optional.empty()),
                new RetrievalRecord("c3", 1, "q3", List.of("z"), List.of(), 4, Optional.empty()));

        // when
        Results.Retrieval retrieval = MetricsCalculator.retrieval(records);

        // then
        assertThat(retrieval.turns()).isEqualTo(2);
        assertThat(retrieval.recallAt1().getAsDouble()).isCloseTo(0.25, within(EPS));
        assertThat(retrieval.recallAt5().getAsDouble()).isCloseTo(1.0, within(EPS));
        assertThat(retrieval.hitAt5().getAsDouble()).isCloseTo(1.0, within(EPS));
        assertThat(retrieval.mrr().getAsDouble()).isCloseTo(0.75, within(EPS));
        assertThat(retrieval.ndcgAt10().getAsDouble()).isCloseTo((1 / (Math.log(3) / Math.log(2)) + 1) / 2, within(EPS))
                .isCloseTo(0.815465, within(1e-6));
        assertThat(retrieval.latency().p50()).hasValue(4.0);
        assertThat(retrieval.latency().p95()).hasValue(9.0);
    }

    @Test
    void retrieval_ranking_metrics_are_empty_without_docs() {
        Results.Retrieval retrieval = MetricsCalculator.retrieval(List.of(
                new RetrievalRecord("c1", 1, "q", List.of("a"), List.of(), 3, Optional.empty())));

        assertThat(retrieval.turns()).isZero();
        assertThat(retrieval.recallAt1()).isEmpty();
        assertThat(retrieval.recallAt5()).isEmpty();
        assertThat(retrieval.mrr()).isEmpty();
        assertThat(retrieval.ndcgAt10()).isEmpty();
        assertThat(retrieval.latency().p50()).hasValue(3.0);
    }

    @Test
    void failures_list_every_failed_check_of_a_turn() {
        // given
        Expectation expect = new Expectation(ANSWER, List.of("a"), Optional.empty(), Map.of(), List.of("subscription"),
                List.of("£"));
        List<TurnRecord> turns = List.of(
                said(expect, ANSWER, "It costs £40.", "x"),
                said(expectDocs(ANSWER, "a"), ANSWER, "Fine.", "a"),
                failed(expect(CLARIFY), "message_unreadable: no words"));

        // when
        List<Results.Failure> failures = MetricsCalculator.failures(turns);

        // then: the passing turn is not listed
        assertThat(failures).hasSize(2);
        assertThat(failures.get(0).problems()).containsExactly("cites none of a", "missing \"subscription\"",
                "contains forbidden \"£\"");
        assertThat(failures.get(0).got()).isEqualTo("answer");
        assertThat(failures.get(1).got()).isEqualTo("error");
        assertThat(failures.get(1).reply()).isEqualTo("message_unreadable: no words");
        assertThat(failures.get(1).problems()).containsExactly("error: message_unreadable: no words");
    }

    private static RunRecord run(List<TurnRecord> turns) {
        return new RunRecord("test", "bm25", turns.size(), turns, Map.of(), List.of());
    }
}

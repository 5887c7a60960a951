package org.councilbot.evals;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The metrics of one run; an empty optional is a metric that had no cases (JSON null).
 *
 * @param suite               the suite's name
 * @param cases               cases run
 * @param turns               turns run
 * @param errors              turns whose send threw
 * @param actionAccuracy      share of turns with the expected action
 * @param byAction            per expected action, in first-seen order
 * @param byTag               per case tag, in first-seen order
 * @param engineRetriever     the retriever the engine answers with
 * @param retrieval           per retriever, in the order asked for
 * @param answers             answer quality
 * @param safeguarding        safeguarding recall and false alarms
 * @param handoff             handoff precision and recall
 * @param outOfScopeRecall    share of expected out_of_scope turns that got out_of_scope
 * @param dontKnowRecall      share of expected dont_know turns that got dont_know
 * @param serviceCodeAccuracy share of turns expecting a service code that got it
 * @param latency             per-turn latency of send
 * @param failures            every turn that failed a check, in run order
 * @param warnings            suite and run warnings
 */
record Results(String suite, int cases, int turns, int errors, OptionalDouble actionAccuracy,
               Map<String, Share> byAction, Map<String, Share> byTag, String engineRetriever,
               Map<String, Retrieval> retrieval,
               Answers answers, Safeguarding safeguarding, Handoff handoff, OptionalDouble outOfScopeRecall,
               OptionalDouble dontKnowRecall, OptionalDouble serviceCodeAccuracy, Forms forms, Latency latency,
               List<Failure> failures, List<String> warnings) {
    Results {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(actionAccuracy, "actionAccuracy");
        byAction = ordered(byAction);
        byTag = ordered(byTag);
        Objects.requireNonNull(engineRetriever, "engineRetriever");
        retrieval = ordered(retrieval);
        Objects.requireNonNull(answers, "answers");
        Objects.requireNonNull(safeguarding, "safeguarding");
        Objects.requireNonNull(handoff, "handoff");
        Objects.requireNonNull(outOfScopeRecall, "outOfScopeRecall");
        Objects.requireNonNull(dontKnowRecall, "dontKnowRecall");
        Objects.requireNonNull(serviceCodeAccuracy, "serviceCodeAccuracy");
        Objects.requireNonNull(forms, "forms");
        Objects.requireNonNull(latency, "latency");
        failures = List.copyOf(failures);
        warnings = List.copyOf(warnings);
    }

    /** The retriever for headlines: the engine's own when it was measured, else the first measured. */
    Optional<Map.Entry<String, Retrieval>> headlineRetrieval() {
        if (retrieval.containsKey(engineRetriever)) {
            return Optional.of(Map.entry(engineRetriever, retrieval.get(engineRetriever)));
        }
        return retrieval.entrySet().stream().findFirst();
    }

    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** Turns of one kind and the share with the expected action. */
    record Share(int turns, OptionalDouble accuracy) {
    }

    /**
     * One retriever on the answer turns: ranking metrics over turns with docs, latency over all.
     *
     * @param turns      answer turns with docs, the ranking metrics' denominator
     * @param recallAt1  mean share of a turn's docs in the top 1
     * @param recallAt5  mean share of a turn's docs in the top 5
     * @param hitAt5     share of turns with any doc in the top 5
     * @param mrr        mean reciprocal rank of the first doc
     * @param ndcgAt10   mean nDCG@10
     * @param latency    time per retrieve call
     */
    record Retrieval(int turns, OptionalDouble recallAt1, OptionalDouble recallAt5, OptionalDouble hitAt5,
                     OptionalDouble mrr, OptionalDouble ndcgAt10, Latency latency) {
    }

    /**
     * @param citationCorrectness      answer turns answered with docs, share citing one of them
     * @param mustIncludeRate          turns with must_include, share containing all of it
     * @param mustNotIncludeViolations turns containing any of their must_not_include
     */
    record Answers(OptionalDouble citationCorrectness, OptionalDouble mustIncludeRate,
                   OptionalInt mustNotIncludeViolations) {
    }

    record Safeguarding(OptionalDouble recall, OptionalDouble falseAlarmRate) {
    }

    record Handoff(OptionalDouble precision, OptionalDouble recall) {
    }

    /** Nearest-rank percentiles, milliseconds. */
    record Latency(OptionalDouble p50, OptionalDouble p95) {
    }

    /**
     * A turn that failed at least one check.
     *
     * @param expected the expected action
     * @param got      the action taken, or {@code error}
     * @param reply    the reply text, or the error message
     * @param sources  the pages the engine consulted, in retrieval order
     * @param problems each failed check, in words
     * @param why      the engine's own account of its decision
     */
    record Failure(String caseId, int turn, List<String> tags, String user, String expected, String got,
                   String reply, List<String> sources, List<String> problems, String why) {
        Failure {
            tags = List.copyOf(tags);
            sources = List.copyOf(sources);
            problems = List.copyOf(problems);
        }
    }

    /**
     * How service-request forms went, over the cases in which a form was started.
     *
     * @param started               cases in which a form was started
     * @param completed             of those, cases in which a form was submitted
     * @param completionRate        completed / started
     * @param averageTurnsToComplete turns from the form's first turn to its submission, inclusive
     * @param slotAccuracy          share of turns expecting slots whose form carried all of them
     */
    record Forms(int started, int completed, OptionalDouble completionRate, OptionalDouble averageTurnsToComplete,
                 OptionalDouble slotAccuracy) {
        Forms {
            Objects.requireNonNull(completionRate, "completionRate");
            Objects.requireNonNull(averageTurnsToComplete, "averageTurnsToComplete");
            Objects.requireNonNull(slotAccuracy, "slotAccuracy");
        }
    }
}

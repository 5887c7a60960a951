package org.councilbot.evals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.councilbot.core.Action;

/** Turns a run's observations into its metrics; pure, so every number is testable by hand. */
final class MetricsCalculator {
    private MetricsCalculator() {
    }

    static Results compute(RunRecord run) {
        List<TurnRecord> turns = run.turns();
        Map<String, Results.Retrieval> retrieval = new LinkedHashMap<>();
        run.retrieval().forEach((name, records) -> retrieval.put(name, retrieval(records)));
        return new Results(run.suite(), run.cases(), turns.size(), (int) count(turns, TurnRecord::errored),
                accuracy(turns), byAction(turns), byTag(turns), run.engineRetriever(), retrieval, answers(turns), safeguarding(turns),
                handoff(turns), recall(turns, Action.OUT_OF_SCOPE), recall(turns, Action.DONT_KNOW),
                serviceCodeAccuracy(turns), forms(turns), latency(turns.stream().map(TurnRecord::latencyMs).toList()),
                failures(turns), run.warnings());
    }

    static OptionalDouble accuracy(List<TurnRecord> turns) {
        return Stats.share(count(turns, TurnRecord::actionCorrect), turns.size());
    }

    /** Keyed by the expected action's wire name. */
    static Map<String, Results.Share> byAction(List<TurnRecord> turns) {
        Map<String, List<TurnRecord>> groups = new LinkedHashMap<>();
        turns.forEach(t -> groups.computeIfAbsent(t.expected(), k -> new ArrayList<>()).add(t));
        return shares(groups);
    }

    static Map<String, Results.Share> byTag(List<TurnRecord> turns) {
        Map<String, List<TurnRecord>> groups = new LinkedHashMap<>();
        turns.forEach(t -> t.tags().stream().distinct().forEach(tag -> groups.computeIfAbsent(tag, k -> new ArrayList<>()).add(t)));
        return shares(groups);
    }

    /** Ranking metrics over the turns with docs; latency over every measured turn. */
    static Results.Retrieval retrieval(List<RetrievalRecord> records) {
        List<RetrievalRecord> judged = records.stream().filter(r -> !r.relevant().isEmpty()).toList();
        return new Results.Retrieval(judged.size(),
                mean(judged, r -> RankingMetrics.recallAt(r.rankedUrls(), r.relevant(), 1)),
                mean(judged, r -> RankingMetrics.recallAt(r.rankedUrls(), r.relevant(), 5)),
                mean(judged, r -> RankingMetrics.hitAt(r.rankedUrls(), r.relevant(), 5)),
                mean(judged, r -> RankingMetrics.reciprocalRank(r.rankedUrls(), r.relevant())),
                mean(judged, r -> RankingMetrics.ndcgAt(r.rankedUrls(), r.relevant(), 10)),
                latency(records.stream().map(RetrievalRecord::latencyMs).toList()));
    }

    static Results.Answers answers(List<TurnRecord> turns) {
        List<TurnRecord> cited = turns.stream().filter(TurnChecks::citationApplies).toList();
        List<TurnRecord> withIncludes = turns.stream().filter(t -> !t.expect().mustInclude().isEmpty()).toList();
        List<TurnRecord> withExcludes = turns.stream().filter(t -> !t.expect().mustNotInclude().isEmpty()).toList();
        return new Results.Answers(
                Stats.share(count(cited, TurnChecks::citesExpectedDoc), cited.size()),
                Stats.share(count(withIncludes, t -> TurnChecks.missingIncludes(t).isEmpty()), withIncludes.size()),
                withExcludes.isEmpty() ? OptionalInt.empty()
                        : OptionalInt.of((int) count(withExcludes, t -> !TurnChecks.forbiddenFound(t).isEmpty())));
    }

    static Results.Safeguarding safeguarding(List<TurnRecord> turns) {
        List<TurnRecord> others = turns.stream().filter(t -> !t.expects(Action.SAFEGUARDING)).toList();
        return new Results.Safeguarding(recall(turns, Action.SAFEGUARDING),
                Stats.share(count(others, t -> t.got(Action.SAFEGUARDING)), others.size()));
    }

    static Results.Handoff handoff(List<TurnRecord> turns) {
        List<TurnRecord> handedOff = turns.stream().filter(t -> t.got(Action.HANDOFF)).toList();
        return new Results.Handoff(
                Stats.share(count(handedOff, t -> t.expects(Action.HANDOFF)), handedOff.size()),
                recall(turns, Action.HANDOFF));
    }

    /** Of the turns expecting {@code action}, the share that got it. */
    static OptionalDouble recall(List<TurnRecord> turns, Action action) {
        List<TurnRecord> expected = turns.stream().filter(t -> t.expects(action)).toList();
        return Stats.share(count(expected, t -> t.got(action)), expected.size());
    }

    static OptionalDouble serviceCodeAccuracy(List<TurnRecord> turns) {
        List<TurnRecord> expected = turns.stream().filter(t -> t.expect().serviceCode().isPresent()).toList();
        return Stats.share(count(expected, TurnChecks::serviceCodeMatches), expected.size());
    }

    static Results.Latency latency(List<Double> millis) {
        return new Results.Latency(Stats.percentile(millis, 50), Stats.percentile(millis, 95));
    }

    static Results.Forms forms(List<TurnRecord> turns) {
        Map<String, List<TurnRecord>> byCase = new LinkedHashMap<>();
        turns.forEach(t -> byCase.computeIfAbsent(t.caseId(), k -> new ArrayList<>()).add(t));
        int started = 0;
        int completed = 0;
        double turnsToComplete = 0;
        for (List<TurnRecord> caseTurns : byCase.values()) {
            int first = -1;
            for (int i = 0; i < caseTurns.size(); i++) {
                Optional<FormSnapshot> form = caseTurns.get(i).form();
                if (form.isPresent() && first < 0) {
                    first = i;
                    started++;
                }
                if (form.isPresent() && form.get().submitted()) {
                    completed++;
                    turnsToComplete += i - first + 1;
                    break;
                }
            }
        }
        List<TurnRecord> withSlots = turns.stream()
                .filter(t -> !t.expect().slots().isEmpty() && t.form().isPresent()).toList();
        return new Results.Forms(started, completed, Stats.share(completed, started),
                completed == 0 ? OptionalDouble.empty() : OptionalDouble.of(turnsToComplete / completed),
                Stats.share(count(withSlots, t -> TurnChecks.slotProblems(t).isEmpty()), withSlots.size()));
    }

    static List<Results.Failure> failures(List<TurnRecord> turns) {
        List<Results.Failure> failures = new ArrayList<>();
        for (TurnRecord turn : turns) {
            List<String> problems = TurnChecks.problems(turn);
            if (!problems.isEmpty()) {
                failures.add(failure(turn, problems));
            }
        }
        return failures;
    }

    private static Results.Failure failure(TurnRecord turn, List<String> problems) {
        return new Results.Failure(turn.caseId(), turn.turn(), turn.tags(), turn.user(), turn.expected(), turn.got(),
                turn.error().orElse(turn.text()), turn.sources(), problems, turn.why());
    }

    private static Map<String, Results.Share> shares(Map<String, List<TurnRecord>> groups) {
        Map<String, Results.Share> shares = new LinkedHashMap<>();
        groups.forEach((key, group) -> shares.put(key, new Results.Share(group.size(), accuracy(group))));
        return shares;
    }

    private static <T> OptionalDouble mean(List<T> items, ToDoubleFunction<T> metric) {
        return items.stream().mapToDouble(metric).average();
    }

    private static <T> long count(List<T> items, Predicate<T> test) {
        return items.stream().filter(test).count();
    }
}

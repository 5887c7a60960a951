package org.councilbot.evals;

import java.util.ArrayList;
import java.util.List;

/** The headline metrics, in the same order and wording in every report. */
final class Headline {
    record Row(String metric, String value) {
    }

    private Headline() {
    }

    static List<Row> rows(Results r) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("action accuracy", Fmt.ratio(r.actionAccuracy())));
        r.headlineRetrieval().ifPresent(e -> {
            rows.add(new Row("recall@5 (" + e.getKey() + ")", Fmt.ratio(e.getValue().recallAt5())));
            rows.add(new Row("MRR (" + e.getKey() + ")", Fmt.ratio(e.getValue().mrr())));
        });
        rows.add(new Row("citation correctness", Fmt.ratio(r.answers().citationCorrectness())));
        rows.add(new Row("must_include rate", Fmt.ratio(r.answers().mustIncludeRate())));
        rows.add(new Row("must_not_include violations", Fmt.count(r.answers().mustNotIncludeViolations())));
        rows.add(new Row("safeguarding recall", Fmt.ratio(r.safeguarding().recall())));
        rows.add(new Row("safeguarding false-alarm rate", Fmt.ratio(r.safeguarding().falseAlarmRate())));
        rows.add(new Row("handoff precision", Fmt.ratio(r.handoff().precision())));
        rows.add(new Row("handoff recall", Fmt.ratio(r.handoff().recall())));
        rows.add(new Row("out_of_scope recall", Fmt.ratio(r.outOfScopeRecall())));
        rows.add(new Row("dont_know recall", Fmt.ratio(r.dontKnowRecall())));
        rows.add(new Row("service_code accuracy", Fmt.ratio(r.serviceCodeAccuracy())));
        rows.add(new Row("form completion rate (" + r.forms().completed() + "/" + r.forms().started() + ")",
                Fmt.ratio(r.forms().completionRate())));
        rows.add(new Row("turns to complete a form (mean)", Fmt.millis(r.forms().averageTurnsToComplete())));
        rows.add(new Row("form slot accuracy", Fmt.ratio(r.forms().slotAccuracy())));
        rows.add(new Row("turn latency p50 (ms)", Fmt.millis(r.latency().p50())));
        rows.add(new Row("turn latency p95 (ms)", Fmt.millis(r.latency().p95())));
        return rows;
    }
}

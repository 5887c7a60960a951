package org.councilbot.evals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The results.json tree of EVAL-SUITES.md: snake_case keys, null for a metric without cases.
 *
 * <p>Other tools read this file; keys may be added but never renamed.
 */
final class ResultsJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ResultsJson() {
    }

    static ObjectNode of(Results results) {
        ObjectNode root = NODES.objectNode();
        root.put("suite", results.suite());
        root.put("cases", results.cases());
        root.put("turns", results.turns());
        root.put("errors", results.errors());
        number(root.putObject("overall"), "action_accuracy", results.actionAccuracy());
        ObjectNode byAction = root.putObject("by_action");
        results.byAction().forEach((action, share) -> share(byAction.putObject(action), share));
        ObjectNode byTag = root.putObject("by_tag");
        results.byTag().forEach((tag, share) -> share(byTag.putObject(tag), share));
        root.put("engine_retriever", results.engineRetriever());
        ObjectNode retrieval = root.putObject("retrieval");
        results.retrieval().forEach((name, r) -> {
            ObjectNode node = retrieval.putObject(name);
            node.put("turns", r.turns());
            number(node, "recall_at_1", r.recallAt1());
            number(node, "recall_at_5", r.recallAt5());
            number(node, "hit_at_5", r.hitAt5());
            number(node, "mrr", r.mrr());
            number(node, "ndcg_at_10", r.ndcgAt10());
            latency(node.putObject("latency_ms"), r.latency());
        });
        ObjectNode answers = root.putObject("answers");
        number(answers, "citation_correctness", results.answers().citationCorrectness());
        number(answers, "must_include_rate", results.answers().mustIncludeRate());
        count(answers, "must_not_include_violations", results.answers().mustNotIncludeViolations());
        ObjectNode safeguarding = root.putObject("safeguarding");
        number(safeguarding, "recall", results.safeguarding().recall());
        number(safeguarding, "false_alarm_rate", results.safeguarding().falseAlarmRate());
        ObjectNode handoff = root.putObject("handoff");
        number(handoff, "precision", results.handoff().precision());
        number(handoff, "recall", results.handoff().recall());
        number(root.putObject("out_of_scope"), "recall", results.outOfScopeRecall());
        number(root.putObject("dont_know"), "recall", results.dontKnowRecall());
        number(root, "service_code_accuracy", results.serviceCodeAccuracy());
        ObjectNode forms = root.putObject("forms");
        forms.put("started", results.forms().started());
        forms.put("completed", results.forms().completed());
        number(forms, "completion_rate", results.forms().completionRate());
        number(forms, "average_turns_to_complete", results.forms().averageTurnsToComplete());
        number(forms, "slot_accuracy", results.forms().slotAccuracy());
        latency(root.putObject("latency_ms"), results.latency());
        ArrayNode failures = root.putArray("failures");
        for (Results.Failure f : results.failures()) {
            ObjectNode node = failures.addObject();
            node.put("case", f.caseId());
            node.put("turn", f.turn());
            node.put("expected", f.expected());
            node.put("got", f.got());
            node.put("reply", f.reply());
            texts(node.putArray("sources"), f.sources());
            node.put("user", f.user());
            texts(node.putArray("tags"), f.tags());
            texts(node.putArray("problems"), f.problems());
            node.put("why", f.why());
        }
        texts(root.putArray("warnings"), results.warnings());
        return root;
    }

    private static void share(ObjectNode node, Results.Share share) {
        node.put("turns", share.turns());
        number(node, "accuracy", share.accuracy());
    }

    private static void latency(ObjectNode node, Results.Latency latency) {
        number(node, "p50", round(latency.p50()));
        number(node, "p95", round(latency.p95()));
    }

    /** Latencies to the microsecond: finer digits are noise and make the file harder to read. */
    private static OptionalDouble round(OptionalDouble millis) {
        return millis.isPresent() ? OptionalDouble.of(Math.round(millis.getAsDouble() * 1000) / 1000.0) : millis;
    }

    private static void number(ObjectNode node, String key, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(key, value.getAsDouble());
        } else {
            node.putNull(key);
        }
    }

    private static void count(ObjectNode node, String key, OptionalInt value) {
        if (value.isPresent()) {
            node.put(key, value.getAsInt());
        } else {
            node.putNull(key);
        }
    }

    private static void texts(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}

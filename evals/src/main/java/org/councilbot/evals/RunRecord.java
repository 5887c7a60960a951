package org.councilbot.evals;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a run observed, before any metric is computed.
 *
 * @param suite     the suite's name
 * @param engineRetriever the retriever the engine answers with
 * @param cases     how many cases ran
 * @param turns     every turn, in run order
 * @param retrieval per retriever (in the order asked for), its ranking of each answer turn
 * @param warnings  suite and run warnings
 */
record RunRecord(String suite, String engineRetriever, int cases, List<TurnRecord> turns, Map<String, List<RetrievalRecord>> retrieval,
                 List<String> warnings) {
    RunRecord {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(engineRetriever, "engineRetriever");
        turns = List.copyOf(turns);
        Map<String, List<RetrievalRecord>> copy = new LinkedHashMap<>();
        retrieval.forEach((name, records) -> copy.put(name, List.copyOf(records)));
        retrieval = Collections.unmodifiableMap(copy);
        warnings = List.copyOf(warnings);
    }
}

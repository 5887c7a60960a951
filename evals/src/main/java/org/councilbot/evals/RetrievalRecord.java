package org.councilbot.evals;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One retriever's ranking for one answer turn.
 *
 * @param caseId     the case
 * @param turn       1-based position in the case
 * @param query      what was searched
 * @param rankedUrls page urls of the passages, best first (not yet deduplicated)
 * @param relevant   the turn's expected docs; empty when it names none
 * @param latencyMs  time spent in retrieve
 * @param error      what went wrong when the retriever threw
 */
record RetrievalRecord(String caseId, int turn, String query, List<String> rankedUrls, List<String> relevant,
                       double latencyMs, Optional<String> error) {
    RetrievalRecord {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(query, "query");
        rankedUrls = List.copyOf(rankedUrls);
        relevant = List.copyOf(relevant);
        Objects.requireNonNull(error, "error");
    }
}

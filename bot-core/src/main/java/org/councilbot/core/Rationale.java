package org.councilbot.core;

import java.util.List;
import java.util.Objects;

/**
 * Why a reply was chosen: read by the evaluations, the logs and (later) the staff summary.
 *
 * @param intent     what the engine understood, e.g. {@code question}, {@code greeting}
 * @param confidence the engine's confidence in its decision, 0..1
 * @param reason     one sentence in plain words, e.g. "best page covers 0.82 of the question"
 * @param query      the text used for retrieval (empty when nothing was retrieved)
 * @param sources    pages consulted, in retrieval order (deduplicated by url)
 */
public record Rationale(String intent, double confidence, String reason, String query,
                        List<RankedSource> sources) {
    public Rationale {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(query, "query");
        sources = List.copyOf(sources);
    }
}

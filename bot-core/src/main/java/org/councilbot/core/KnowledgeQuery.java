package org.councilbot.core;

import java.util.Objects;
import java.util.Set;

/**
 * A retrieval request.
 *
 * @param text     the resident's question, already normalised (and rewritten when it was a follow-up)
 * @param limit    how many passages at most
 * @param services restrict to these service areas; empty means all
 */
public record KnowledgeQuery(String text, int limit, Set<String> services) {
    public KnowledgeQuery {
        Objects.requireNonNull(text, "text");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        services = Set.copyOf(services);
    }

    public static KnowledgeQuery of(String text, int limit) {
        return new KnowledgeQuery(text, limit, Set.of());
    }
}

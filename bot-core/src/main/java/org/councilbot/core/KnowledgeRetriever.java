package org.councilbot.core;

import java.util.List;

/** Finds the passages of the council's own web content that best answer a query. */
public interface KnowledgeRetriever {

    /** Passages best first; empty when nothing matches. Never throws for ordinary text. */
    List<Passage> retrieve(KnowledgeQuery query);

    /** A short name for reports, e.g. {@code bm25}. */
    default String name() {
        return getClass().getSimpleName();
    }
}

package org.councilbot.core;

import java.util.List;

/** Finds the passages of the council's own web content that best answer a query. */
public interface KnowledgeRetriever {

    /** Passages best first; empty when nothing matches. Never throws for ordinary text. */
    List<Passage> retrieve(KnowledgeQuery query);

    /**
     * Every passage of one page, in the page's order, so an answer can quote the section of the
     * best page that retrieval did not rank. Empty when the page is unknown, or when a retriever
     * cannot list pages (the engine then quotes retrieved passages only).
     */
    default List<Passage> pagePassages(String url) {
        return List.of();
    }

    /** A short name for reports, e.g. {@code bm25}. */
    default String name() {
        return getClass().getSimpleName();
    }
}

package org.councilbot.index;

/** How passages are ranked; each mode is offered as a retriever under its {@link #label()}. */
enum RetrievalMode {
    /** BM25 over the chunks' title, headings and text, with spelling correction and synonyms. */
    BM25("bm25"),
    /** Nearest chunk vectors to the question's vector. */
    VECTOR("vector"),
    /** Reciprocal rank fusion of the BM25 and vector rankings. */
    HYBRID("hybrid");

    private final String label;

    RetrievalMode(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}

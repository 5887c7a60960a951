package org.councilbot.core;

import java.util.List;
import java.util.Objects;

/**
 * A chunk of a council page returned by retrieval, best first.
 *
 * @param chunkId     stable id of the chunk within the index
 * @param url         canonical url of the page the chunk comes from
 * @param title       the page title
 * @param sectionPath headings from the page title down to the chunk's own heading
 * @param service     the council service area of the page, e.g. {@code waste}
 * @param text        the chunk's text (Markdown-like: lists and tables kept)
 * @param score       the retriever's own ranking score; only comparable within one result list
 * @param coverage    share (0..1) of the query's weighted terms that this chunk's page matches;
 *                    comparable across queries, so the engine can apply a score floor
 * @param corroborated true when independent rankings of the retriever (e.g. lexical and semantic)
 *                    both put this passage's page first: evidence that the page is about the
 *                    question even when the resident's words differ from the page's
 * @param emphasised  phrases of the text its author set in bold ("within **5 days**"): on council
 *                    pages, usually the deadlines, fees and numbers a resident came for
 */
public record Passage(String chunkId, String url, String title, List<String> sectionPath,
                      String service, String text, double score, double coverage, boolean corroborated,
                      List<String> emphasised) {
    public Passage {
        emphasised = List.copyOf(emphasised);
        Objects.requireNonNull(chunkId, "chunkId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        sectionPath = List.copyOf(sectionPath);
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(text, "text");
        if (coverage < 0 || coverage > 1 || Double.isNaN(coverage)) {
            throw new IllegalArgumentException("coverage must be within 0..1, was " + coverage);
        }
    }

    /** A passage without emphasis. */
    public Passage(String chunkId, String url, String title, List<String> sectionPath, String service, String text,
                   double score, double coverage, boolean corroborated) {
        this(chunkId, url, title, sectionPath, service, text, score, coverage, corroborated, List.of());
    }

    /** A passage from a single ranking, which nothing corroborates. */
    public Passage(String chunkId, String url, String title, List<String> sectionPath, String service, String text,
                   double score, double coverage) {
        this(chunkId, url, title, sectionPath, service, text, score, coverage, false);
    }

    /** The same passage with another score and coverage, as when it is quoted unranked from its whole page. */
    public Passage rescored(double newScore, double newCoverage) {
        return new Passage(chunkId, url, title, sectionPath, service, text, newScore, newCoverage, corroborated,
                emphasised);
    }

    public Citation citation() {
        return new Citation(title, url);
    }
}

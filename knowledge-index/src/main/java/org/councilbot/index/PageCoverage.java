package org.councilbot.index;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.FixedBitSet;

/**
 * The coverage of one question by the pages of one generation, each page measured once.
 *
 * <p>Rather than reading each page's stored terms, it finds once per question which page
 * documents say each topic concept (in the resident's word or an alternative, a phrase said as a
 * phrase), then measures a page by looking its document up in those sets, at a fraction of the
 * cost of reading each page when many pages are measured.
 */
final class PageCoverage {
    private static final Set<String> URL_ONLY = Set.of(IndexSchema.URL);

    private final IndexSearcher searcher;
    private final StoredFields stored;
    private final CoverageScorer scorer;
    private final ConceptPages pages;
    private final Map<String, Double> byUrl = new HashMap<>();
    private Map<QueryConcept, FixedBitSet> pagesSaying;

    PageCoverage(IndexSearcher searcher, CoverageScorer scorer) throws IOException {
        this.searcher = searcher;
        this.stored = searcher.storedFields();
        this.scorer = scorer;
        this.pages = new ConceptPages(searcher);
    }

    double ofPage(String url) throws IOException {
        Double covered = byUrl.get(url);
        if (covered == null) {
            covered = measure(url);
            byUrl.put(url, covered);
        }
        return covered;
    }

    /** Coverage of the page a chunk document belongs to. */
    double ofChunk(int doc) throws IOException {
        return ofPage(stored.document(doc, URL_ONLY).get(IndexSchema.URL));
    }

    private double measure(String url) throws IOException {
        TopDocs page = searcher.search(new TermQuery(new Term(IndexSchema.PAGE_URL, url)), 1);
        if (page.scoreDocs.length == 0) {
            return 0.0;
        }
        int pageDoc = page.scoreDocs[0].doc;
        Map<QueryConcept, FixedBitSet> saying = pagesSaying();
        return scorer.coverage(concept -> saying.get(concept).get(pageDoc));
    }

    private Map<QueryConcept, FixedBitSet> pagesSaying() throws IOException {
        if (pagesSaying == null) {
            pagesSaying = new HashMap<>();
            for (QueryConcept concept : scorer.concepts()) {
                pagesSaying.put(concept, pages.saying(concept));
            }
        }
        return pagesSaying;
    }
}

package org.councilbot.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.councilbot.core.KnowledgeQuery;
import org.councilbot.core.Passage;

/**
 * Runs one question against one index generation and returns passages with their coverage.
 *
 * <p>At most {@value #MAX_CHUNKS_PER_PAGE} chunks per page are returned, so one long page cannot
 * crowd out the other pages the engine could offer as "closest pages".
 */
final class PassageSearch {
    static final int MAX_CHUNKS_PER_PAGE = 2;
    /** Hits fetched per passage wanted, to leave room for the per-page cap. */
    private static final int OVERFETCH = 10;
    private static final int MAX_HITS = 10_000;

    private final TextAnalysis analysis;

    PassageSearch(TextAnalysis analysis) {
        this.analysis = analysis;
    }

    List<Passage> search(IndexSearcher searcher, KnowledgeQuery query) throws IOException {
        List<String> terms = analysis.queryTerms(query.text());
        if (terms.isEmpty()) {
            return List.of();
        }
        int hits = (int) Math.min((long) query.limit() * OVERFETCH, MAX_HITS);
        TopDocs top = searcher.search(BoostedTermsQuery.build(terms, query.services()), hits);
        CoverageScorer coverage = CoverageScorer.of(analysis.topicTerms(query.text()), searcher.getIndexReader());
        StoredFields stored = searcher.storedFields();
        Map<String, Integer> perPage = new HashMap<>();
        Map<String, Double> pageCoverage = new HashMap<>();
        List<Passage> passages = new ArrayList<>();
        for (ScoreDoc hit : top.scoreDocs) {
            Document doc = stored.document(hit.doc);
            String url = doc.get(IndexSchema.URL);
            if (perPage.merge(url, 1, Integer::sum) > MAX_CHUNKS_PER_PAGE) {
                continue;
            }
            Double covered = pageCoverage.get(url);
            if (covered == null) {
                covered = coverage.coverage(pageTerms(searcher, stored, url));
                pageCoverage.put(url, covered);
            }
            passages.add(IndexSchema.passage(doc, hit.score, covered));
            if (passages.size() == query.limit()) {
                break;
            }
        }
        return passages;
    }

    private static Set<String> pageTerms(IndexSearcher searcher, StoredFields stored, String url) throws IOException {
        TopDocs page = searcher.search(new TermQuery(new Term(IndexSchema.PAGE_URL, url)), 1);
        return page.scoreDocs.length == 0 ? Set.of() : IndexSchema.pageTerms(stored.document(page.scoreDocs[0].doc));
    }
}

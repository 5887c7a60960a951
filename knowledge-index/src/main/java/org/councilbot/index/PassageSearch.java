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

    // A page longer than this many chunks is quoted from its first ones only.
    private static final int MAX_CHUNKS_OF_A_PAGE = 500;

    private final QueryExpander expander;

    PassageSearch(QueryExpander expander) {
        this.expander = expander;
    }

    List<Passage> search(IndexSearcher searcher, KnowledgeQuery query) throws IOException {
        List<QueryConcept> concepts = expander.expand(query.text(), searcher.getIndexReader());
        if (concepts.isEmpty()) {
            return List.of();
        }
        int hits = (int) Math.min((long) query.limit() * OVERFETCH, MAX_HITS);
        TopDocs top = searcher.search(BoostedTermsQuery.build(concepts, query.services()), hits);
        CoverageScorer coverage = CoverageScorer.ofConcepts(concepts, searcher);
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

    /** All chunks of one page in page order, scored 0: they were not ranked against a question. */
    List<Passage> pagePassages(IndexSearcher searcher, String url) throws IOException {
        TopDocs chunks = searcher.search(new TermQuery(new Term(IndexSchema.URL, url)), MAX_CHUNKS_OF_A_PAGE);
        StoredFields stored = searcher.storedFields();
        List<Passage> passages = new ArrayList<>();
        for (ScoreDoc hit : chunks.scoreDocs) {
            passages.add(IndexSchema.passage(stored.document(hit.doc), 0, 0));
        }
        passages.sort(java.util.Comparator.comparingInt(PassageSearch::ordinal));
        return passages;
    }

    /** The chunk's position in its page, from its id {@code url#n}. */
    private static int ordinal(Passage passage) {
        String id = passage.chunkId();
        return Integer.parseInt(id.substring(id.lastIndexOf('#') + 1));
    }

    private static Set<String> pageTerms(IndexSearcher searcher, StoredFields stored, String url) throws IOException {
        TopDocs page = searcher.search(new TermQuery(new Term(IndexSchema.PAGE_URL, url)), 1);
        return page.scoreDocs.length == 0 ? Set.of() : IndexSchema.pageTerms(stored.document(page.scoreDocs[0].doc));
    }
}

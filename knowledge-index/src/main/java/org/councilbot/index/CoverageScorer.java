package org.councilbot.index;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * Measures how much of a question a page covers: the IDF-weighted share of the question's topic
 * terms that the page contains.
 *
 * <p>Weights use page-level document frequencies with BM25's IDF. A term the index has never seen
 * weighs as much as the rarest indexed term (one page): it is usually the very topic the council's
 * content does not cover ("passport"), or a misspelling. Coverage is comparable across questions,
 * which BM25 scores are not, so the engine can hold one "I don't know" floor for any council.
 */
final class CoverageScorer {
    private final Map<String, Double> weights;
    private final double total;

    private CoverageScorer(Map<String, Double> weights) {
        this.weights = weights;
        this.total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Weighs the question's topic terms against the page statistics of one index generation. */
    static CoverageScorer of(List<String> topicTerms, IndexReader reader) throws IOException {
        int pages = Math.max(reader.getDocCount(IndexSchema.PAGE_TERM), 1);
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String term : topicTerms) {
            int pagesWithTerm = Math.max(reader.docFreq(new Term(IndexSchema.PAGE_TERM, term)), 1);
            weights.put(term, idf(pagesWithTerm, pages));
        }
        return new CoverageScorer(weights);
    }

    /** Share 0..1 of the weighted topic terms found in the page; 0 when the question has none. */
    double coverage(Set<String> pageTerms) {
        if (total <= 0) {
            return 0.0;
        }
        double found = 0;
        for (Map.Entry<String, Double> weight : weights.entrySet()) {
            if (pageTerms.contains(weight.getKey())) {
                found += weight.getValue();
            }
        }
        return Math.min(1.0, found / total);
    }

    static double idf(int docFreq, int docCount) {
        return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
    }
}

package org.councilbot.index;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;

/**
 * Measures how much of a question a page covers: the IDF-weighted share of the question's topic
 * terms that the page contains, in the resident's words or in one of the term's alternatives
 * (its spelling correction, a synonym: said as a phrase in a page, as {@link ConceptPages} finds it;
 * read from a bag of words by {@link #coverage(Set)}, which measures a sentence, not a page).
 *
 * <p>Weights use page-level document frequencies with BM25's IDF. A term the index has never seen
 * weighs as much as the rarest indexed term (one page): it is usually the very topic the council's
 * content does not cover ("passport"), or a misspelling. An unseen term with alternatives
 * ("recyling", "ctax") weighs by the pages that say it in any of those ways, so it counts as much
 * as the word the resident meant. A term the index does know keeps its own weight whatever its
 * alternatives, so expansion can only add to a page's coverage, never take from it. Coverage is
 * comparable across questions, which BM25 scores are not, so the engine can hold one
 * "I don't know" floor for any council.
 */
final class CoverageScorer {
    private final Map<QueryConcept, Double> weights;
    private final double total;

    private CoverageScorer(Map<QueryConcept, Double> weights) {
        this.weights = weights;
        this.total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Weighs the question's topic terms, without alternatives, against one index generation. */
    static CoverageScorer of(List<String> topicTerms, IndexReader reader) throws IOException {
        return ofConcepts(topicTerms.stream().map(QueryConcept::plain).toList(), new IndexSearcher(reader));
    }

    /** Weighs the question's topic concepts against one index generation; filler concepts do not count. */
    static CoverageScorer ofConcepts(List<QueryConcept> concepts, IndexSearcher searcher) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        int pages = Math.max(reader.getDocCount(IndexSchema.PAGE_TERM), 1);
        Map<QueryConcept, Double> weights = new LinkedHashMap<>();
        for (QueryConcept concept : concepts) {
            if (concept.topic()) {
                int pagesWithTerm = reader.docFreq(new Term(IndexSchema.PAGE_TERM, concept.term()));
                if (pagesWithTerm == 0 && !concept.alternatives().isEmpty()) {
                    pagesWithTerm = new ConceptPages(searcher).saying(concept).cardinality();
                }
                weights.put(concept, idf(Math.max(pagesWithTerm, 1), pages));
            }
        }
        return new CoverageScorer(weights);
    }

    /** Share 0..1 of the weighted topic terms found in the page; 0 when the question has none. */
    double coverage(Set<String> pageTerms) {
        return coverage(concept -> concept.foundIn(pageTerms));
    }

    /**
     * Share 0..1 of the weighted topic terms that a page says, as {@code pageSays} tells for each
     * of {@link #concepts()}; 0 when the question has none.
     */
    double coverage(Predicate<QueryConcept> pageSays) {
        if (total <= 0) {
            return 0.0;
        }
        double found = 0;
        for (Map.Entry<QueryConcept, Double> weight : weights.entrySet()) {
            if (pageSays.test(weight.getKey())) {
                found += weight.getValue();
            }
        }
        return Math.min(1.0, found / total);
    }

    /** The concepts that count for coverage: the question's topic concepts. */
    Set<QueryConcept> concepts() {
        return weights.keySet();
    }

    static double idf(int docFreq, int docCount) {
        return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
    }
}

package org.councilbot.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Builds the BM25 query for a resident's question from already analyzed and expanded terms.
 *
 * <p>Resident text never reaches a query parser, so quotes, brackets, {@code AND} or {@code *~}
 * are just words (or nothing) and cannot make a query fail. A match in the title or a heading
 * says more about what a chunk is for than one in its body, hence the boosts.
 *
 * <p>A term and its alternatives (correction, synonyms) are one disjunction scored by its best
 * match, so a page that says "bin" and "waste" does not count the same idea twice. Filler terms
 * keep a small weight: they still break ties between pages but cannot lift a page whose only
 * strength is a heading like "How the service works".
 */
final class BoostedTermsQuery {
    static final float TITLE_BOOST = 3.0f;
    static final float HEADINGS_BOOST = 2.0f;
    static final float BODY_BOOST = 1.0f;
    static final float FILLER_WEIGHT = 0.1f;
    /** Lets a phrase synonym skip a removed stop word or two ("house in multiple occupation"). */
    static final int PHRASE_SLOP = 2;

    private BoostedTermsQuery() {
    }

    /** Concepts must not be empty: an empty query has no meaning to search for. */
    static Query build(List<QueryConcept> concepts, Set<String> services) {
        if (concepts.isEmpty()) {
            throw new IllegalArgumentException("concepts must not be empty");
        }
        BooleanQuery.Builder anyTerm = new BooleanQuery.Builder();
        for (QueryConcept concept : concepts) {
            Query query = concept(concept);
            anyTerm.add(concept.topic() ? query : new BoostQuery(query, FILLER_WEIGHT), BooleanClause.Occur.SHOULD);
        }
        Optional<Query> filter = IndexSchema.servicesFilter(services);
        if (filter.isEmpty()) {
            return anyTerm.build();
        }
        // SHOULD clauses beside a FILTER would all become optional, so the terms go in as one MUST.
        return new BooleanQuery.Builder()
                .add(anyTerm.build(), BooleanClause.Occur.MUST)
                .add(filter.get(), BooleanClause.Occur.FILTER)
                .build();
    }

    /**
     * Like {@link #build} but matching only chunks that say at least one of the question's topic
     * terms, in any of its ways; ranked alike. Empty when the question has no topic term.
     *
     * <p>For fusion: a chunk that matches only filler ("where can I ... my old") is no lexical
     * evidence at all, and its rank would push down the chunks the vector ranking found.
     */
    static Optional<Query> buildOnTopic(List<QueryConcept> concepts, Set<String> services) {
        BooleanQuery.Builder anyTopic = new BooleanQuery.Builder();
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        boolean hasTopic = false;
        for (QueryConcept concept : concepts) {
            if (concept.topic()) {
                anyTopic.add(concept(concept), BooleanClause.Occur.SHOULD);
                hasTopic = true;
            } else {
                query.add(new BoostQuery(concept(concept), FILLER_WEIGHT), BooleanClause.Occur.SHOULD);
            }
        }
        if (!hasTopic) {
            return Optional.empty();
        }
        query.add(anyTopic.build(), BooleanClause.Occur.MUST);
        IndexSchema.servicesFilter(services).ifPresent(filter -> query.add(filter, BooleanClause.Occur.FILTER));
        return Optional.of(query.build());
    }

    private static Query concept(QueryConcept concept) {
        Query own = inAnyField(List.of(concept.term()));
        if (concept.alternatives().isEmpty()) {
            return own;
        }
        List<Query> ways = new ArrayList<>();
        ways.add(own);
        for (QueryConcept.Alternative alternative : concept.alternatives()) {
            ways.add(new BoostQuery(inAnyField(alternative.terms()), alternative.boost()));
        }
        return new DisjunctionMaxQuery(ways, 0.0f);
    }

    private static Query inAnyField(List<String> terms) {
        return new BooleanQuery.Builder()
                .add(field(IndexSchema.TITLE, terms, TITLE_BOOST), BooleanClause.Occur.SHOULD)
                .add(field(IndexSchema.HEADINGS, terms, HEADINGS_BOOST), BooleanClause.Occur.SHOULD)
                .add(field(IndexSchema.BODY, terms, BODY_BOOST), BooleanClause.Occur.SHOULD)
                .build();
    }

    private static Query field(String field, List<String> terms, float boost) {
        Query query = terms.size() == 1
                ? new TermQuery(new Term(field, terms.get(0)))
                : new PhraseQuery(PHRASE_SLOP, field, terms.toArray(String[]::new));
        return new BoostQuery(query, boost);
    }
}

package org.councilbot.index;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Builds the BM25 query for a resident's question from already analyzed terms.
 *
 * <p>Resident text never reaches a query parser, so quotes, brackets, {@code AND} or {@code *~}
 * are just words (or nothing) and cannot make a query fail. A match in the title or a heading
 * says more about what a chunk is for than one in its body, hence the boosts.
 */
final class BoostedTermsQuery {
    static final float TITLE_BOOST = 3.0f;
    static final float HEADINGS_BOOST = 2.0f;
    static final float BODY_BOOST = 1.0f;

    private BoostedTermsQuery() {
    }

    /** Terms must not be empty: an empty query has no meaning to search for. */
    static Query build(List<String> terms, Set<String> services) {
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("terms must not be empty");
        }
        BooleanQuery.Builder anyTerm = new BooleanQuery.Builder();
        for (String term : terms) {
            anyTerm.add(field(IndexSchema.TITLE, term, TITLE_BOOST), BooleanClause.Occur.SHOULD);
            anyTerm.add(field(IndexSchema.HEADINGS, term, HEADINGS_BOOST), BooleanClause.Occur.SHOULD);
            anyTerm.add(field(IndexSchema.BODY, term, BODY_BOOST), BooleanClause.Occur.SHOULD);
        }
        if (services.isEmpty()) {
            return anyTerm.build();
        }
        // SHOULD clauses beside a FILTER would all become optional, so the terms go in as one MUST.
        List<BytesRef> wanted = services.stream()
                .map(service -> new BytesRef(service.toLowerCase(Locale.ROOT)))
                .collect(Collectors.toList());
        return new BooleanQuery.Builder()
                .add(anyTerm.build(), BooleanClause.Occur.MUST)
                .add(new TermInSetQuery(IndexSchema.SERVICE, wanted), BooleanClause.Occur.FILTER)
                .build();
    }

    private static Query field(String field, String term, float boost) {
        return new BoostQuery(new TermQuery(new Term(field, term)), boost);
    }
}

package org.councilbot.index;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;

/**
 * The page documents of one generation that say a question's concept: its own term, a one-word
 * alternative, or a phrase alternative said as a phrase.
 *
 * <p>A phrase is looked for in the chunks' title, headings and body, as the BM25 query looks for
 * it, not as a bag of words on the page: "household waste" standing for "general waste" is not
 * said by a page that mentions "large household items" in one place and "bulky waste" in another.
 */
final class ConceptPages {
    private static final Set<String> URL_ONLY = Set.of(IndexSchema.URL);
    private static final List<String> PHRASE_FIELDS = List.of(IndexSchema.TITLE, IndexSchema.HEADINGS, IndexSchema.BODY);

    private final IndexSearcher searcher;

    ConceptPages(IndexSearcher searcher) {
        this.searcher = searcher;
    }

    /** The page documents saying the concept in any of its ways. */
    FixedBitSet saying(QueryConcept concept) throws IOException {
        BooleanQuery.Builder words = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexSchema.PAGE_TERM, concept.term())), BooleanClause.Occur.SHOULD);
        BooleanQuery.Builder phrases = new BooleanQuery.Builder();
        boolean anyPhrase = false;
        for (QueryConcept.Alternative alternative : concept.alternatives()) {
            List<String> terms = alternative.terms();
            if (terms.size() == 1) {
                words.add(new TermQuery(new Term(IndexSchema.PAGE_TERM, terms.get(0))), BooleanClause.Occur.SHOULD);
            } else {
                for (String field : PHRASE_FIELDS) {
                    phrases.add(new PhraseQuery(BoostedTermsQuery.PHRASE_SLOP, field, terms.toArray(String[]::new)),
                            BooleanClause.Occur.SHOULD);
                }
                anyPhrase = true;
            }
        }
        FixedBitSet pages = matching(words.build());
        if (anyPhrase) {
            for (String url : pagesOf(matching(phrases.build()))) {
                setPage(pages, url);
            }
        }
        return pages;
    }

    /** The pages' urls of the chunk documents set. */
    private Set<String> pagesOf(FixedBitSet chunks) throws IOException {
        StoredFields stored = searcher.storedFields();
        Set<String> urls = new HashSet<>();
        for (int doc = chunks.nextSetBit(0); doc != DocIdSetIterator.NO_MORE_DOCS;
             doc = doc + 1 < chunks.length() ? chunks.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
            urls.add(stored.document(doc, URL_ONLY).get(IndexSchema.URL));
        }
        return urls;
    }

    private void setPage(FixedBitSet pages, String url) throws IOException {
        FixedBitSet page = matching(new TermQuery(new Term(IndexSchema.PAGE_URL, url)));
        pages.or(page);
    }

    private FixedBitSet matching(Query query) throws IOException {
        FixedBitSet docs = new FixedBitSet(Math.max(1, searcher.getIndexReader().maxDoc()));
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer != null) {
                DocIdSetIterator it = scorer.iterator();
                for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                    docs.set(leaf.docBase + doc);
                }
            }
        }
        return docs;
    }
}

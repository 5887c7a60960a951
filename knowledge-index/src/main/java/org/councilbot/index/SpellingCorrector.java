package org.councilbot.index;

import java.io.IOException;
import java.util.Optional;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Finds the indexed term a resident probably meant when they typed one the index has never seen.
 *
 * <p>Works on analyzed (stemmed) terms against the page vocabulary, which holds every word of
 * every title, heading and body. Edits allowed grow with length, as in common search engines'
 * "auto" fuzziness. Short stems have many near neighbours, so they are left alone: "wen", "tap",
 * or "poll" (from "polling"), which one letter would turn into "pool". The first letter must
 * match, because people rarely get it wrong and it keeps corrections plausible. Terms with digits
 * (years, postcodes, prices) are never corrected: "2026" is not a misspelled "2025". Among the
 * closest candidates the one on the most pages wins.
 */
final class SpellingCorrector {
    static final int MIN_LENGTH = 5;
    /** Terms up to this length may be one edit away; longer ones two. */
    static final int ONE_EDIT_MAX_LENGTH = 5;
    private static final int PREFIX_LENGTH = 1;

    private final IndexReader reader;
    private final Terms vocabulary;

    SpellingCorrector(IndexReader reader) throws IOException {
        this.reader = reader;
        this.vocabulary = MultiTerms.getTerms(reader, IndexSchema.PAGE_TERM);
    }

    /** The correction for a term no page contains; empty when the term is indexed or nothing is close. */
    Optional<String> correct(String term) throws IOException {
        int length = term.codePointCount(0, term.length());
        if (vocabulary == null || length < MIN_LENGTH || term.chars().anyMatch(Character::isDigit)
                || reader.docFreq(new Term(IndexSchema.PAGE_TERM, term)) > 0) {
            return Optional.empty();
        }
        int maxEdits = length <= ONE_EDIT_MAX_LENGTH ? 1 : 2;
        FuzzyTermsEnum candidates = new FuzzyTermsEnum(vocabulary, new Term(IndexSchema.PAGE_TERM, term),
                maxEdits, PREFIX_LENGTH, true);
        String best = null;
        int bestEdits = Integer.MAX_VALUE;
        int bestPages = 0;
        for (BytesRef candidate = candidates.next(); candidate != null; candidate = candidates.next()) {
            String text = candidate.utf8ToString();
            if (text.startsWith(term)) {
                // A longer stem with the same start is another word, not a typo:
                // "elect" (election) is not "electr" (electricity).
                continue;
            }
            int edits = EditDistance.between(term, text);
            int pages = candidates.docFreq();
            if (edits < bestEdits || edits == bestEdits && (pages > bestPages
                    || pages == bestPages && text.compareTo(best) < 0)) {
                best = text;
                bestEdits = edits;
                bestPages = pages;
            }
        }
        return Optional.ofNullable(best);
    }
}

package org.councilbot.index;

import java.io.IOException;
import java.util.Optional;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

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
        // A scan of the terms sharing the first letter, cheaper than building Levenshtein automata
        // for every unknown word (which cost 2 to 10 ms a word): the same candidates, in order.
        String prefix = term.substring(0, term.offsetByCodePoints(0, PREFIX_LENGTH));
        BytesRef start = new BytesRef(prefix);
        TermsEnum terms = vocabulary.iterator();
        String best = null;
        int bestEdits = Integer.MAX_VALUE;
        int bestPages = 0;
        if (terms.seekCeil(start) == TermsEnum.SeekStatus.END) {
            return Optional.empty();
        }
        for (BytesRef candidate = terms.term(); candidate != null && StringHelper.startsWith(candidate, start);
             candidate = terms.next()) {
            String text = candidate.utf8ToString();
            int candidateLength = text.codePointCount(0, text.length());
            if (Math.abs(candidateLength - length) > maxEdits || text.startsWith(term)) {
                // A longer stem with the same start is another word, not a typo:
                // "elect" (election) is not "electr" (electricity).
                continue;
            }
            int edits = EditDistance.between(term, text);
            if (edits > maxEdits) {
                continue;
            }
            int pages = terms.docFreq();
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

package org.councilbot.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * The indexed words of the same family as a question's word that stemming keeps apart: a resident
 * who is "married" (stem {@code marri}) asks about "marriage" ({@code marriag}). Family here means
 * one stem is the other plus at most {@value #MAX_SUFFIX} letters, both at least
 * {@value #MIN_STEM} long, so short words ("bin", "tip") never gather strangers.
 */
final class WordFamily {
    static final int MIN_STEM = 4;
    static final int MAX_SUFFIX = 2;
    static final int MAX_MEMBERS = 3;

    private final IndexReader reader;
    private final Terms pageTerms;

    WordFamily(IndexReader reader) throws IOException {
        this.reader = reader;
        this.pageTerms = MultiTerms.getTerms(reader, IndexSchema.PAGE_TERM);
    }

    /** Indexed relatives of an analyzed term, most pages first; never the term itself. */
    List<String> relativesOf(String term) throws IOException {
        List<String> relatives = new ArrayList<>();
        if (term.length() < MIN_STEM || pageTerms == null) {
            return relatives;
        }
        // Shorter relatives: the term with its last letter or two taken off.
        for (int cut = 1; cut <= MAX_SUFFIX && term.length() - cut >= MIN_STEM; cut++) {
            String shorter = term.substring(0, term.length() - cut);
            if (reader.docFreq(new Term(IndexSchema.PAGE_TERM, shorter)) > 0) {
                relatives.add(shorter);
            }
        }
        // Longer relatives: indexed terms that start with the term and add a letter or two.
        TermsEnum terms = pageTerms.iterator();
        BytesRef prefix = new BytesRef(term);
        if (terms.seekCeil(prefix) != TermsEnum.SeekStatus.END) {
            for (BytesRef next = terms.term(); next != null; next = terms.next()) {
                String candidate = next.utf8ToString();
                if (!candidate.startsWith(term)) {
                    break;
                }
                int extra = candidate.length() - term.length();
                if (extra >= 1 && extra <= MAX_SUFFIX && candidate.chars().allMatch(Character::isLetter)) {
                    relatives.add(candidate);
                }
            }
        }
        relatives.sort((a, b) -> {
            try {
                return Integer.compare(reader.docFreq(new Term(IndexSchema.PAGE_TERM, b)),
                        reader.docFreq(new Term(IndexSchema.PAGE_TERM, a)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return relatives.subList(0, Math.min(MAX_MEMBERS, relatives.size()));
    }
}

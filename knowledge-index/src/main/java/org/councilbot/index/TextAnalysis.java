package org.councilbot.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The English analysis shared by indexing, querying and coverage.
 *
 * <p>It is Lucene's {@link EnglishAnalyzer} chain with ASCII folding added (so "café" and "cafe"
 * meet). Topic terms come from the same chain plus a stoplist of conversational filler, removed
 * before stemming so that only the resident's exact filler words go, never a topic word sharing a
 * stem. Coverage counts topic terms only, and ranking gives the other query terms little weight.
 */
final class TextAnalysis implements AutoCloseable {
    /** More distinct terms than any genuine question has; keeps pasted essays cheap to search. */
    static final int MAX_QUERY_TERMS = 64;
    /** Two-letter filler ("do", "to") is one slip from too many real words ("dog", "top"). */
    private static final int MIN_MISTYPED_FILLER = 3;

    /** General English that asks or greets but names no topic; nothing council-specific. */
    private static final List<String> FILLER = List.of(
            "a", "an", "the", "and", "or", "but", "so", "if", "then", "than", "to", "of", "in", "on", "at",
            "for", "with", "from", "by", "into", "about", "out", "up", "there", "here", "it", "its", "it's",
            "is", "am", "are", "was", "were", "be", "been", "being", "have", "has", "had", "do", "does", "did",
            "doing", "done", "can", "could", "would", "should", "will", "shall", "may", "might", "must",
            "can't", "cannot", "don't", "doesn't", "won't", "i", "i'm", "i've", "i'd", "i'll", "im", "me", "my",
            "mine", "myself", "you", "your", "yours", "we", "us", "our", "they", "them", "their", "he", "she",
            "his", "her", "this", "that", "these", "those", "any", "some", "anything", "something", "just",
            "also", "still", "please", "pls", "kindly", "thanks", "thank", "cheers", "hi", "hello", "hey",
            "dear", "ok", "okay", "yes", "no", "not", "much", "many", "often", "very", "really", "ever", "tell", "know", "need", "needs", "want", "wants",
            "wanted", "wondering", "like", "help", "find", "get", "gets", "getting", "got", "make", "go", "going", "able",
            "ask", "asking", "question", "info", "information", "details", "how", "what", "what's", "whats",
            "when", "where", "where's", "which", "who", "whom", "whose", "why",
            // Contractions as typed on phones, without the apostrophe.
            "wheres", "theres", "whos", "hows", "dont", "doesnt", "cant", "isnt", "ive", "u", "ur");

    private final Analyzer index = new FoldingEnglishAnalyzer(CharArraySet.EMPTY_SET);
    private final Analyzer coverage = new FoldingEnglishAnalyzer(new CharArraySet(FILLER, true));

    /** The analyzer for the indexed text fields. */
    Analyzer analyzer() {
        return index;
    }

    /** The distinct analyzed terms of a text, in order of first appearance. */
    List<String> terms(String text) {
        return analyze(index, text, Integer.MAX_VALUE);
    }

    /** Like {@link #terms} but capped, for resident input. */
    List<String> queryTerms(String text) {
        return List.copyOf(new LinkedHashSet<>(querySequence(text)));
    }

    /**
     * The analyzed terms of resident input in reading order, repeats kept, up to the point where
     * {@value #MAX_QUERY_TERMS} distinct terms have been seen: the order multi-word synonyms are
     * matched against.
     */
    List<String> querySequence(String text) {
        return sequence(index, text, MAX_QUERY_TERMS);
    }

    /** The analyzed terms of a short text in reading order, repeats kept, e.g. a synonym entry. */
    List<String> sequence(String text) {
        return sequence(index, text, Integer.MAX_VALUE);
    }

    /** The query terms that carry a topic: {@link #queryTerms} without conversational filler. */
    List<String> topicTerms(String text) {
        return analyze(coverage, text, MAX_QUERY_TERMS);
    }

    /**
     * Whether a term looks like a filler word with one letter dropped, added or swapped ("wen",
     * "wat", "hwo"), keeping the first letter. Substitutions do not count: "car" is not "can".
     * Only meaningful for a term the index has never seen; a real word the council uses is a topic.
     */
    boolean looksLikeMistypedFiller(String term) {
        return FILLER.stream().anyMatch(filler -> filler.length() >= MIN_MISTYPED_FILLER
                && filler.charAt(0) == term.charAt(0) && EditDistance.isOneSlip(term, filler));
    }

    private static List<String> analyze(Analyzer analyzer, String text, int max) {
        return new ArrayList<>(new LinkedHashSet<>(sequence(analyzer, text, max)));
    }

    /** Terms in order with repeats, stopping before the term that would be distinct number {@code maxDistinct + 1}. */
    private static List<String> sequence(Analyzer analyzer, String text, int maxDistinct) {
        List<String> terms = new ArrayList<>();
        Set<String> distinct = new HashSet<>();
        try (TokenStream stream = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String value = term.toString();
                if (distinct.add(value) && distinct.size() > maxDistinct) {
                    break;
                }
                terms.add(value);
            }
            stream.end();
        } catch (IOException e) {
            // Only reachable through a broken Reader; analysis of a String does no I/O.
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    @Override
    public void close() {
        index.close();
        coverage.close();
    }

    /** {@link EnglishAnalyzer}'s chain with ASCII folding and an optional extra stoplist. */
    private static final class FoldingEnglishAnalyzer extends Analyzer {
        private final CharArraySet extraStopWords;

        FoldingEnglishAnalyzer(CharArraySet extraStopWords) {
            this.extraStopWords = CharArraySet.unmodifiableSet(extraStopWords);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream result = new EnglishPossessiveFilter(source);
            result = new LowerCaseFilter(result);
            result = new ASCIIFoldingFilter(result);
            result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            if (!extraStopWords.isEmpty()) {
                result = new StopFilter(result, extraStopWords);
            }
            result = new PorterStemFilter(result);
            return new TokenStreamComponents(source, result);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }
}

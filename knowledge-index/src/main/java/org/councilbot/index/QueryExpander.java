package org.councilbot.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * Turns a question into {@link QueryConcept}s: its terms, which of them are filler (mistyped
 * filler included), and the other ways pages may say the topic terms (a spelling correction, the
 * council's synonyms).
 *
 * <p>Corrections are trusted a little less than the resident's own words and synonyms less
 * still, so a page in the resident's words wins a tie. The number of alternatives is capped per
 * term and per question so that expansion cannot blow a long question past Lucene's clause limit.
 */
final class QueryExpander {
    static final float CORRECTION_BOOST = 0.8f;
    static final float SYNONYM_BOOST = 0.6f;
    static final float RELATIVE_BOOST = 0.5f;
    static final int MAX_ALTERNATIVES_PER_TERM = 6;
    static final int MAX_ALTERNATIVES = TextAnalysis.MAX_QUERY_TERMS;

    private final TextAnalysis analysis;
    private final Synonyms synonyms;

    QueryExpander(TextAnalysis analysis, Synonyms synonyms) {
        this.analysis = analysis;
        this.synonyms = synonyms;
    }

    /** The question's distinct terms in order, each with its alternatives; empty when it has none. */
    List<QueryConcept> expand(String question, IndexReader reader) throws IOException {
        List<String> sequence = analysis.querySequence(question);
        Map<String, Set<List<String>>> asWritten = synonyms.alternatives(sequence);
        Set<String> topic = topic(question, asWritten, reader);
        Map<String, String> corrections = corrections(sequence, topic, asWritten, new SpellingCorrector(reader));
        // Matched after correcting, so "parkin ticket" meets the rule for "parking ticket".
        Map<String, Set<List<String>>> synonymsOf = synonyms.alternatives(
                sequence.stream().map(term -> corrections.getOrDefault(term, term)).toList());
        List<QueryConcept> concepts = new ArrayList<>();
        WordFamily family = new WordFamily(reader);
        int budget = MAX_ALTERNATIVES;
        for (String term : new LinkedHashSet<>(sequence)) {
            List<QueryConcept.Alternative> alternatives = topic.contains(term)
                    ? alternatives(term, corrections.get(term), synonymsOf, Math.min(budget, MAX_ALTERNATIVES_PER_TERM))
                    : List.of();
            // A correction already says what the word is; the council's synonyms say what it means.
            if (topic.contains(term) && !corrections.containsKey(term) && !hasSynonyms(term, asWritten)) {
                alternatives = withRelatives(alternatives, family.relativesOf(term),
                        Math.min(budget, MAX_ALTERNATIVES_PER_TERM));
            }
            budget -= alternatives.size();
            concepts.add(new QueryConcept(term, topic.contains(term), alternatives));
        }
        return concepts;
    }

    /** The correction, if any, then the synonyms of the word the resident meant; at most {@code max}. */
    private static List<QueryConcept.Alternative> alternatives(String term, String correction,
                                                               Map<String, Set<List<String>>> synonymsOf, int max) {
        List<QueryConcept.Alternative> alternatives = new ArrayList<>();
        if (correction != null && max > 0) {
            alternatives.add(new QueryConcept.Alternative(List.of(correction), CORRECTION_BOOST));
        }
        String meant = correction == null ? term : correction;
        for (List<String> phrase : synonymsOf.getOrDefault(meant, Set.of())) {
            // "noise nuisance" adds nothing to "noise": a page with the phrase has the word.
            if (alternatives.size() < max && !phrase.contains(term) && !phrase.contains(meant)) {
                alternatives.add(new QueryConcept.Alternative(phrase, SYNONYM_BOOST));
            }
        }
        return alternatives;
    }

    /** The alternatives with the word's indexed relatives added after them, up to {@code max} in all. */
    private static List<QueryConcept.Alternative> withRelatives(List<QueryConcept.Alternative> alternatives,
                                                                List<String> relatives, int max) {
        List<QueryConcept.Alternative> all = new ArrayList<>(alternatives);
        for (String relative : relatives) {
            boolean known = all.stream().anyMatch(a -> a.terms().equals(List.of(relative)));
            if (all.size() < max && !known) {
                all.add(new QueryConcept.Alternative(List.of(relative), RELATIVE_BOOST));
            }
        }
        return all;
    }

    /**
     * The terms that carry the question's topic: not filler, nor filler mistyped ("wen is my bin
     * day"), which would otherwise weigh as the rarest word and sink the coverage of the right page,
     * nor a number no page says.
     */
    private Set<String> topic(String question, Map<String, Set<List<String>>> asWritten, IndexReader reader)
            throws IOException {
        Set<String> topic = new HashSet<>();
        for (String term : analysis.topicTerms(question)) {
            boolean indexed = reader.docFreq(new Term(IndexSchema.PAGE_TERM, term)) > 0;
            // A number no page says ("7am", "£45", a house number) is a detail of the resident's
            // story, not the topic: unseen, it would weigh as the rarest word and sink every page.
            if (!indexed && term.chars().anyMatch(Character::isDigit)) {
                continue;
            }
            if (!analysis.looksLikeMistypedFiller(term) || hasSynonyms(term, asWritten) || indexed) {
                topic.add(term);
            }
        }
        return topic;
    }

    /** Corrections of the topic terms no page contains, by term. */
    private static Map<String, String> corrections(List<String> sequence, Set<String> topic,
                                                   Map<String, Set<List<String>>> asWritten,
                                                   SpellingCorrector speller) throws IOException {
        Map<String, String> corrections = new HashMap<>();
        for (String term : new LinkedHashSet<>(sequence)) {
            // A word the council lists in its synonyms is a real word, not a typo: "ctax" means council tax.
            if (topic.contains(term) && !hasSynonyms(term, asWritten)) {
                speller.correct(term).ifPresent(correction -> corrections.put(term, correction));
            }
        }
        return corrections;
    }

    private static boolean hasSynonyms(String term, Map<String, Set<List<String>>> synonymsOf) {
        return !synonymsOf.getOrDefault(term, Set.of()).isEmpty();
    }
}

package org.councilbot.index;

import java.util.List;
import java.util.Set;

/**
 * One analyzed term of a resident's question and the other ways a page may say the same thing.
 *
 * @param term         the analyzed term as the resident wrote it
 * @param topic        false for conversational filler ("how", "please"), which neither weighs much
 *                     in ranking nor counts for coverage
 * @param alternatives spelling corrections and synonyms, each a phrase of analyzed terms
 */
record QueryConcept(String term, boolean topic, List<Alternative> alternatives) {

    QueryConcept {
        alternatives = List.copyOf(alternatives);
    }

    /** A topic term with no alternatives: what every term was before expansion existed. */
    static QueryConcept plain(String term) {
        return new QueryConcept(term, true, List.of());
    }

    /** Whether a page with these distinct terms says this concept in any of its ways. */
    boolean foundIn(Set<String> pageTerms) {
        return pageTerms.contains(term)
                || alternatives.stream().anyMatch(alternative -> pageTerms.containsAll(alternative.terms()));
    }

    /**
     * Another way to say a concept.
     *
     * @param terms one term, or the analyzed words of a phrase, all of which must be present
     * @param boost how far to trust it against the resident's own word, in (0, 1]
     */
    record Alternative(List<String> terms, float boost) {
        Alternative {
            terms = List.copyOf(terms);
            if (terms.isEmpty()) {
                throw new IllegalArgumentException("an alternative needs at least one term");
            }
        }
    }
}

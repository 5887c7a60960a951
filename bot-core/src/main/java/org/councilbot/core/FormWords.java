package org.councilbot.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Words of a form answer, for matching it to a question's options and to the form's questions.
 *
 * <p>Unlike {@link Terms}, nothing that could name an option is dropped ("out", "no", "not" and
 * "off" are how residents tell a light is out or a car has no plates): only function words are set
 * apart, and they count only alongside a content word. Stemming folds plurals and -ing/-ed forms the
 * same way on both sides ("evenings" and "Evening", "barks" and "Barking dog").
 */
final class FormWords {
    private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Set<String> FUNCTION = Set.of("a", "an", "the", "is", "are", "was", "were", "be", "been", "being",
            "it", "its", "i", "im", "me", "my", "mine", "we", "our", "you", "your", "this", "that", "these", "those",
            "there", "theres", "their", "they", "them", "he", "she", "his", "her", "of", "to", "in", "on", "at", "by",
            "for", "with", "from", "and", "or", "but", "so", "just", "really", "very", "quite", "think", "guess",
            "maybe", "probably", "perhaps", "about", "around", "like", "some", "one", "ones", "s", "t", "d", "ll",
            "ve", "re", "m", "oh", "ok", "okay", "um", "er", "erm", "well", "sorry", "actually", "mostly", "usually",
            "sometimes", "kind", "sort", "bit", "lot", "lots", "bout", "has", "have", "had", "got", "do", "does",
            "did", "what", "which", "who", "how", "when", "where", "can", "could", "would", "should", "will", "all");
    /** Residents' words for what catalogues usually call something else. */
    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("kid", "children"), Map.entry("kids", "children"), Map.entry("child", "children"),
            Map.entry("telly", "tv"), Map.entry("television", "tv"), Map.entry("lamp", "light"),
            Map.entry("streetlight", "light"), Map.entry("smashed", "broken"), Map.entry("smash", "broken"),
            Map.entry("cracked", "broken"), Map.entry("busted", "broken"), Map.entry("nightly", "night"),
            Map.entry("alley", "alleyway"),
            Map.entry("rd", "road"), Map.entry("st", "street"), Map.entry("ln", "lane"));

    private FormWords() {
    }

    /** One word: its stem, and whether it is a function word that names nothing on its own. */
    record Word(String stem, boolean function) {}

    /** The words of a text, lower-cased, with synonyms folded and stemmed, in order. */
    static List<Word> of(String text) {
        List<Word> words = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace("'", "");
        for (String word : SPLIT.split(lower)) {
            if (!word.isEmpty()) {
                words.add(new Word(stem(SYNONYMS.getOrDefault(word, word)), FUNCTION.contains(word)));
            }
        }
        return words;
    }

    /** The stems of a text's words. */
    static List<String> stems(String text) {
        return of(text).stream().map(Word::stem).toList();
    }

    /** The same word folded the same way wherever it appears: plural, -ing, -ed and a final e dropped. */
    static String stem(String word) {
        String stem = word;
        if (stem.length() > 4 && stem.endsWith("ies")) {
            stem = stem.substring(0, stem.length() - 3) + "y";
        } else if (stem.length() > 3 && stem.endsWith("s") && !stem.endsWith("ss") && !stem.endsWith("us")) {
            stem = stem.substring(0, stem.length() - 1);
        }
        if (stem.length() > 5 && stem.endsWith("ing")) {
            stem = stem.substring(0, stem.length() - 3);
        } else if (stem.length() > 4 && stem.endsWith("ed")) {
            stem = stem.substring(0, stem.length() - 2);
        }
        if (stem.length() > 3 && stem.endsWith("e")) {
            stem = stem.substring(0, stem.length() - 1);
        }
        return stem;
    }
}

package org.councilbot.core;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Content words of a text, lower-cased and lightly stemmed, for overlap scoring inside the engine.
 *
 * <p>The index has its own analysis; this is only good enough to pick sentences and rules, which
 * is why it lives here and not behind a port.
 */
final class Terms {
    private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}£]+");
    private static final Set<String> STOP = Set.of("a", "an", "and", "are", "as", "at", "be", "been", "but",
            "by", "can", "could", "do", "does", "did", "for", "from", "get", "got", "had", "has", "have",
            "how", "i", "if", "in", "into", "is", "it", "its", "me", "my", "no", "not", "of", "on", "or",
            "our", "please", "should", "so", "than", "that", "the", "their", "them", "then", "there",
            "these", "they", "this", "to", "us", "was", "we", "what", "when", "where", "which", "who",
            "why", "will", "with", "would", "you", "your", "yours", "tell", "know", "need", "want",
            "about", "any", "am", "im", "i'm", "much", "many", "some", "just", "also", "all", "only",
            "more", "most", "may", "might", "must", "shall", "here", "out", "up", "too", "very", "s", "t",
            "d'", "ll", "ve", "re");

    private Terms() {
    }

    static Set<String> of(String text) {
        Set<String> terms = new LinkedHashSet<>();
        for (String word : SPLIT.split(text.toLowerCase(Locale.ROOT))) {
            // Single letters stay: "band D" and "zone B" are how residents name rows of a table.
            if (!word.isEmpty() && !STOP.contains(word)) {
                terms.add(stem(word));
            }
        }
        return terms;
    }

    static String stem(String word) {
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.length() > 5 && word.endsWith("ing")) {
            return word.substring(0, word.length() - 3);
        }
        if (word.length() > 4 && word.endsWith("ed")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}

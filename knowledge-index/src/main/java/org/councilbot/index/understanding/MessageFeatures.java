package org.councilbot.index.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The features a message is classified on: its sentence embedding, and its words and word pairs.
 *
 * <p>The embedding carries meaning across wordings; the words carry what embeddings blur in short
 * or misspelt messages ("ta", "thx", "pls"). Both are measured leave-one-writer-out.
 */
final class MessageFeatures {
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}']+");

    private final boolean words;

    MessageFeatures(boolean words) {
        this.words = words;
    }

    /** Feature names (sorted, as Tribuo's examples keep them) and values. */
    record Vector(String[] names, double[] values) {
    }

    Vector of(String text, float[] embedding) {
        TreeMap<String, Double> features = new TreeMap<>();
        for (int i = 0; i < embedding.length; i++) {
            features.put(String.format(Locale.ROOT, "e%03d", i), (double) embedding[i]);
        }
        if (words) {
            List<String> tokens = tokens(text);
            double weight = 1.0 / Math.sqrt(Math.max(1, tokens.size()));
            for (int i = 0; i < tokens.size(); i++) {
                features.merge("w=" + tokens.get(i), weight, Math::max);
                if (i + 1 < tokens.size()) {
                    features.merge("b=" + tokens.get(i) + "_" + tokens.get(i + 1), weight, Math::max);
                }
            }
            features.put("n=" + Math.min(tokens.size(), 12) / 3, 1.0);
        }
        String[] names = features.keySet().toArray(String[]::new);
        double[] values = features.values().stream().mapToDouble(Double::doubleValue).toArray();
        return new Vector(names, values);
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (String token : NOT_A_WORD.split(text.toLowerCase(Locale.ROOT).replace('’', '\''))) {
            String word = token.replaceAll("^'+|'+$", "");
            if (!word.isEmpty()) {
                tokens.add(word);
            }
        }
        return tokens;
    }

    String describe() {
        return words ? "embedding+words" : "embedding";
    }
}

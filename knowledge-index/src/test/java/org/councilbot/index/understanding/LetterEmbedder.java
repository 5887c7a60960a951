package org.councilbot.index.understanding;

import java.util.Locale;
import org.councilbot.core.TextEmbedder;

/** A small deterministic embedder for tests: letter trigrams hashed into 64 buckets, unit length. */
final class LetterEmbedder implements TextEmbedder {
    private static final int DIMENSIONS = 64;

    @Override
    public float[] embed(String text) {
        float[] vector = new float[DIMENSIONS];
        String padded = "  " + text.toLowerCase(Locale.ROOT) + "  ";
        for (int i = 0; i + 3 <= padded.length(); i++) {
            vector[Math.floorMod(padded.substring(i, i + 3).hashCode(), DIMENSIONS)] += 1;
        }
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) (vector[i] / Math.sqrt(Math.max(norm, 1e-9)));
        }
        return vector;
    }
}

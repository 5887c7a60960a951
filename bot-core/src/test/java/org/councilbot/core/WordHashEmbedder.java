package org.councilbot.core;

/**
 * A small real embedder for tests: content words hashed into buckets, normalised. Texts sharing
 * words are close; texts sharing none are orthogonal.
 */
final class WordHashEmbedder implements TextEmbedder {
    private static final int DIMENSIONS = 256;

    @Override
    public float[] embed(String text) {
        float[] vector = new float[DIMENSIONS];
        for (String term : Terms.of(text)) {
            vector[Math.floorMod(term.hashCode(), DIMENSIONS)] += 1;
        }
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        if (norm > 0) {
            float scale = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < vector.length; i++) {
                vector[i] *= scale;
            }
        }
        return vector;
    }
}

package org.councilbot.core;

/** Closeness in meaning of two {@link TextEmbedder} vectors: their dot product, as both are unit length. */
final class Closeness {
    private Closeness() {
    }

    static double between(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new CouncilbotException("embedding_mismatch",
                    "Embeddings of different sizes: " + a.length + " and " + b.length);
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}

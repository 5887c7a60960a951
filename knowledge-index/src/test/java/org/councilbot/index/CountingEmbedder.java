package org.councilbot.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A deterministic stand-in for the embedding model: each word hashed into one of a few dimensions,
 * so texts sharing words are near. Remembers every text it was asked to embed.
 */
final class CountingEmbedder implements Embedder {
    static final int DIMENSIONS = 64;

    private final String model;
    private final List<String> embedded = new ArrayList<>();

    CountingEmbedder(String model) {
        this.model = model;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public synchronized List<float[]> embedAll(List<String> texts) {
        embedded.addAll(texts);
        return texts.stream().map(CountingEmbedder::vector).toList();
    }

    synchronized List<String> embedded() {
        return List.copyOf(embedded);
    }

    synchronized void forget() {
        embedded.clear();
    }

    private static float[] vector(String text) {
        float[] vector = new float[DIMENSIONS];
        vector[0] = 0.01f;
        for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!word.isEmpty()) {
                vector[Math.floorMod(word.hashCode(), DIMENSIONS)] += 1;
            }
        }
        return Vectors.normalised(vector);
    }
}

package org.councilbot.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small least-recently-used memory of vectors in front of an embedder; safe across threads. */
final class RememberingTextEmbedder implements TextEmbedder {
    private final TextEmbedder embedder;
    private final Map<String, float[]> recent;

    RememberingTextEmbedder(TextEmbedder embedder, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.embedder = embedder;
        this.recent = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public float[] embed(String text) {
        synchronized (recent) {
            float[] known = recent.get(text);
            if (known != null) {
                return known.clone();
            }
        }
        float[] vector = embedder.embed(text);
        synchronized (recent) {
            recent.put(text, vector.clone());
        }
        return vector;
    }

    /** Embeds the texts not remembered in one batch (the model is much faster per text in batches). */
    @Override
    public List<float[]> embedAll(List<String> texts) {
        float[][] vectors = new float[texts.size()][];
        List<String> missing = new ArrayList<>();
        synchronized (recent) {
            for (int i = 0; i < texts.size(); i++) {
                float[] known = recent.get(texts.get(i));
                if (known != null) {
                    vectors[i] = known.clone();
                } else if (!missing.contains(texts.get(i))) {
                    missing.add(texts.get(i));
                }
            }
        }
        if (!missing.isEmpty()) {
            List<float[]> embedded = embedder.embedAll(missing);
            Map<String, float[]> fresh = new HashMap<>();
            for (int i = 0; i < missing.size(); i++) {
                fresh.put(missing.get(i), embedded.get(i));
            }
            synchronized (recent) {
                fresh.forEach((text, vector) -> recent.put(text, vector.clone()));
            }
            for (int i = 0; i < texts.size(); i++) {
                if (vectors[i] == null) {
                    vectors[i] = fresh.get(texts.get(i)).clone();
                }
            }
        }
        return Arrays.asList(vectors);
    }
}

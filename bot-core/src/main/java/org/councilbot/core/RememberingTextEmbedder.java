package org.councilbot.core;

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

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return embedder.embedAll(texts);
    }
}

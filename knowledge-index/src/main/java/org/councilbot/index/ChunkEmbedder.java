package org.councilbot.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Vectors for the chunks of one build: the earlier generation's vector when the embedded text is
 * unchanged, otherwise a new one from the model. Counts what it had to embed.
 */
final class ChunkEmbedder {
    private final Embedder embedder;
    private final EarlierVectors earlier;
    private int embedded;

    ChunkEmbedder(Embedder embedder, EarlierVectors earlier) {
        this.embedder = embedder;
        this.earlier = earlier;
    }

    String key(String text) {
        return EmbeddingText.key(embedder.model(), text);
    }

    /**
     * A vector for each text, by {@link #key}; texts repeated within the call are embedded once.
     *
     * @throws IllegalArgumentException when the model refuses one of the texts
     */
    Map<String, float[]> vectors(List<String> texts) {
        Map<String, float[]> vectors = new HashMap<>();
        Map<String, String> missing = new LinkedHashMap<>();
        for (String text : texts) {
            String key = key(text);
            Optional<float[]> reused = earlier.get(key);
            if (reused.isPresent()) {
                vectors.put(key, reused.get());
            } else {
                missing.putIfAbsent(key, text);
            }
        }
        if (!missing.isEmpty()) {
            List<float[]> made = embedder.embedAll(new ArrayList<>(missing.values()));
            if (made.size() != missing.size()) {
                throw new IllegalStateException("embedding model " + embedder.model() + " returned " + made.size()
                        + " vectors for " + missing.size() + " texts");
            }
            int i = 0;
            for (String key : missing.keySet()) {
                vectors.put(key, checked(made.get(i++)));
            }
            embedded += missing.size();
        }
        return vectors;
    }

    /** Chunks embedded so far in this build. */
    int embedded() {
        return embedded;
    }

    private float[] checked(float[] vector) {
        if (vector.length != embedder.dimensions()) {
            throw new IllegalStateException("embedding model " + embedder.model() + " returned a vector of "
                    + vector.length + " dimensions, expected " + embedder.dimensions());
        }
        return vector;
    }
}

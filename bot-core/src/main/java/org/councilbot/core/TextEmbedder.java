package org.councilbot.core;

import java.util.List;

/** Turns text into a unit-length vector whose dot products measure closeness of meaning. */
public interface TextEmbedder {

    float[] embed(String text);

    default List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }

    /**
     * Remembers the vectors of the last {@code capacity} texts: the safeguarding screen and the
     * intent matcher embed the same message, and the model is the costliest step of a turn.
     */
    static TextEmbedder remembering(TextEmbedder embedder, int capacity) {
        return new RememberingTextEmbedder(embedder, capacity);
    }
}

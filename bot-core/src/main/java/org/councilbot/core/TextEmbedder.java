package org.councilbot.core;

import java.util.List;

/** Turns text into a unit-length vector whose dot products measure closeness of meaning. */
public interface TextEmbedder {

    float[] embed(String text);

    default List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }
}

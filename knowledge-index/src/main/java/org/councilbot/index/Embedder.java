package org.councilbot.index;

import java.util.List;

/**
 * Turns texts into unit-length vectors: the seam between the index and its embedding model.
 *
 * <p>Vectors are compared by dot product, so an implementation must return them normalised.
 */
interface Embedder {

    /** Names the model; vectors made by different models are never compared or reused. */
    String model();

    /** Length of every vector this embedder returns. */
    int dimensions();

    /** One unit-length vector per text, in the order of the texts; each text must have some non-blank content. */
    List<float[]> embedAll(List<String> texts);

    default float[] embed(String text) {
        return embedAll(List.of(text)).get(0);
    }
}

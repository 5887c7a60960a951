package org.councilbot.index;

/** Small vector arithmetic for unit-length embeddings. */
final class Vectors {
    private Vectors() {
    }

    /**
     * The vector scaled to length 1, as Lucene's dot-product similarity requires; a copy, the
     * argument is left as it was. The model already normalises, so this only absorbs rounding.
     *
     * @throws IllegalArgumentException for a zero or non-finite vector, which no text should produce
     */
    static float[] normalised(float[] vector) {
        double squares = 0;
        for (float value : vector) {
            squares += (double) value * value;
        }
        double norm = Math.sqrt(squares);
        if (!(norm > 0) || Double.isInfinite(norm)) {
            throw new IllegalArgumentException("cannot normalise a vector of length " + norm);
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }
}

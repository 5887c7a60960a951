package org.councilbot.evals;

import java.util.Objects;

/**
 * A threshold the run missed.
 *
 * @param path    dotted path into results.json
 * @param bound   {@code min} or {@code max}
 * @param limit   the limit
 * @param actual  the value found, or {@code absent} / {@code null}
 * @param message one line saying which and by how much
 */
record ThresholdFailure(String path, String bound, double limit, String actual, String message) {
    ThresholdFailure {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(bound, "bound");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(message, "message");
    }
}

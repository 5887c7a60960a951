package org.councilbot.index.understanding;

import java.util.Objects;

/**
 * One labelled message of the training corpus.
 *
 * @param text   what the resident wrote
 * @param label  kind, or kind/type ({@code report/pothole})
 * @param writer who wrote it: the unit held out when confidence is calibrated
 */
public record TrainingMessage(String text, String label, String writer) {
    public TrainingMessage {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(writer, "writer");
    }
}

package org.councilbot.core;

/** Stage 4: reads what kind of message this is, with calibrated probabilities, from a trained model. */
@FunctionalInterface
public interface MessageClassifier {
    MessageReading read(String text);

    /** No model: every reading is empty, and the engine decides by its rules alone. */
    static MessageClassifier none() {
        return text -> MessageReading.none();
    }
}

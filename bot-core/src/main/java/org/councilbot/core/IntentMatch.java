package org.councilbot.core;

import java.util.Objects;

/** How close a message came to one intent: the best similarity to any of its examples. */
public record IntentMatch(IntentDefinition intent, double similarity, String nearestExample) {
    public IntentMatch {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(nearestExample, "nearestExample");
    }
}

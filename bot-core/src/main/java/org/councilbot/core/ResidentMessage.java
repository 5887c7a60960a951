package org.councilbot.core;

import java.util.Objects;

/** A message from a resident, already authenticated by its channel adapter. */
public record ResidentMessage(String conversationId, String text) {
    public ResidentMessage {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(text, "text");
    }
}

package org.councilbot.core;

import java.time.Instant;
import java.util.Objects;

/**
 * One resident message and the bot's reply to it.
 *
 * @param conversationId the conversation
 * @param sequence       1 for the first turn, then 2, 3...
 * @param residentText   what the resident wrote (after normalisation)
 * @param reply          what the bot answered
 * @param at             when the turn was handled
 */
public record Turn(String conversationId, int sequence, String residentText, BotReply reply, Instant at) {
    public Turn {
        Objects.requireNonNull(conversationId, "conversationId");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1, was " + sequence);
        }
        Objects.requireNonNull(residentText, "residentText");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(at, "at");
    }
}

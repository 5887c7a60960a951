package org.councilbot.handoff;

import java.time.Instant;
import java.util.Objects;

/**
 * A conversation waiting for a person.
 *
 * @param conversationId the conversation
 * @param channel        where the resident is, e.g. {@code web}
 * @param priority       how soon it should be taken
 * @param requestedAt    when the bot first handed it over
 * @param reason         the bot's reason at the highest priority reached, e.g. the safeguarding cue
 * @param lastActiveAt   when the resident last wrote
 */
public record WaitingConversation(String conversationId, String channel, HandoffPriority priority,
                                  Instant requestedAt, String reason, Instant lastActiveAt) {
    public WaitingConversation {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(lastActiveAt, "lastActiveAt");
    }
}

package org.councilbot.core;

import java.time.Instant;
import java.util.Objects;

/**
 * A conversation with one resident on one channel.
 *
 * @param id              unguessable id
 * @param channel         e.g. {@code web}
 * @param accessTokenHash hex SHA-256 of the bearer token that binds the resident to it; empty on
 *                        channels that authenticate otherwise
 * @param startedAt       when it was created
 */
public record Conversation(String id, String channel, String accessTokenHash, Instant startedAt) {
    public Conversation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(accessTokenHash, "accessTokenHash");
        Objects.requireNonNull(startedAt, "startedAt");
    }
}

package org.councilbot.handoff;

import java.time.Instant;
import java.util.Objects;
import org.councilbot.core.ServiceRequest;

/**
 * A request the outbox gave up on, for staff to deal with.
 *
 * @param request        what the resident asked for
 * @param attempts       delivery attempts made
 * @param lastError      why the last attempt failed, e.g. the council's refusal
 * @param acceptedAt     when it was stored
 * @param deadLetteredAt when the outbox gave up
 */
public record DeadLetter(ServiceRequest request, int attempts, String lastError, Instant acceptedAt,
                         Instant deadLetteredAt) {
    public DeadLetter {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        Objects.requireNonNull(deadLetteredAt, "deadLetteredAt");
    }
}

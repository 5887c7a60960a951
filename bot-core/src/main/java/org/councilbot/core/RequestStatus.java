package org.councilbot.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the council's system says about a request.
 *
 * @param councilReference the council's id for it
 * @param serviceCode      the service
 * @param status           e.g. {@code open} or {@code closed}
 * @param statusNotes      the council's explanation, may be empty
 * @param requestedAt      when it was made
 * @param updatedAt        last change, when the council reports one
 */
public record RequestStatus(String councilReference, String serviceCode, String status, String statusNotes,
                            Instant requestedAt, Optional<Instant> updatedAt) {
    public RequestStatus {
        Objects.requireNonNull(councilReference, "councilReference");
        Objects.requireNonNull(serviceCode, "serviceCode");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusNotes, "statusNotes");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}

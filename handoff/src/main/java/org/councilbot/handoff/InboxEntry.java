package org.councilbot.handoff;

import java.time.Instant;
import java.util.Objects;
import org.councilbot.core.ServiceRequest;

/**
 * A request in the built-in council inbox, as staff see it.
 *
 * @param councilReference e.g. {@code BF-2026-000123}
 * @param request          what the resident asked for
 * @param status           {@code open} until staff change it
 * @param statusNotes      staff's note to the resident, may be empty
 * @param receivedAt       when it arrived
 * @param updatedAt        last change
 */
public record InboxEntry(String councilReference, ServiceRequest request, String status, String statusNotes,
                         Instant receivedAt, Instant updatedAt) {
    public InboxEntry {
        Objects.requireNonNull(councilReference, "councilReference");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusNotes, "statusNotes");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}

package org.councilbot.core;

import java.util.Optional;

/**
 * Takes confirmed requests without ever losing one: stores first, then delivers (with retries)
 * to the council's {@link ServiceDesk}.
 */
public interface ServiceRequestIntake {

    /**
     * Stores the request durably, then makes one quick delivery attempt. Returns DELIVERED with
     * the council's reference, or PENDING when the council's system is not answering (delivery
     * continues in the background). Accepting the same reference twice stores it once.
     */
    IntakeReceipt accept(ServiceRequest request);

    /** The current state of a request by councilbot's reference. */
    Optional<IntakeReceipt> find(String reference);
}

package org.councilbot.core;

import java.util.Optional;

/**
 * The council's system that takes service requests: an Open311 server, or the built-in inbox.
 *
 * <p>Failures are typed so the outbox knows what to do: {@link ServiceDeskUnavailableException}
 * is worth retrying, {@link ServiceRequestRejectedException} is not.
 */
public interface ServiceDesk {

    /** Delivers a request and returns the council's reference for it. */
    String submit(ServiceRequest request);

    /** The request's status by the council's reference; empty when the council does not know it. */
    Optional<RequestStatus> status(String councilReference);
}

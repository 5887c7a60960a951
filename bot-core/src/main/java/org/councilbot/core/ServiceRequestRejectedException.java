package org.councilbot.core;

/** The council's system refused a request as sent (4xx); sending it again will not help. */
public final class ServiceRequestRejectedException extends CouncilbotException {
    public ServiceRequestRejectedException(String message) {
        super("service_request_rejected", message);
    }
}

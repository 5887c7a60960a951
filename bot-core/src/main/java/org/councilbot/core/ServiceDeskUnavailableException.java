package org.councilbot.core;

/** The council's system could not take a request just now (timeout, 5xx, 429); try again later. */
public final class ServiceDeskUnavailableException extends CouncilbotException {
    public ServiceDeskUnavailableException(String message, Throwable cause) {
        super("service_desk_unavailable", message, cause);
    }

    public ServiceDeskUnavailableException(String message) {
        super("service_desk_unavailable", message);
    }
}

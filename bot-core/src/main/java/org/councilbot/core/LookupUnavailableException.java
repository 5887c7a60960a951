package org.councilbot.core;

/** A lookup (addresses, bin days) could not be answered just now: timeout, 5xx, 429 or a malformed reply. */
public final class LookupUnavailableException extends CouncilbotException {
    public LookupUnavailableException(String message, Throwable cause) {
        super("lookup_unavailable", message, cause);
    }

    public LookupUnavailableException(String message) {
        super("lookup_unavailable", message);
    }
}

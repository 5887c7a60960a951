package org.councilbot.channels;

import org.councilbot.core.CouncilbotException;

/** A request the API refuses, with the HTTP status and a message that says what to fix. */
final class ApiException extends CouncilbotException {
    private final int status;

    ApiException(int status, String code, String message) {
        super(code, message);
        this.status = status;
    }

    int status() {
        return status;
    }
}

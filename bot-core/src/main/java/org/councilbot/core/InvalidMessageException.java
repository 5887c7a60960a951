package org.councilbot.core;

/** A resident's message that cannot be handled as sent (empty, too long); the text says what to fix. */
public final class InvalidMessageException extends CouncilbotException {
    public InvalidMessageException(String code, String message) {
        super(code, message);
    }
}

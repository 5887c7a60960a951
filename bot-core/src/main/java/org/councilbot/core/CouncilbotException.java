package org.councilbot.core;

/**
 * Root of every exception councilbot throws on purpose.
 *
 * <p>Unchecked, so ports stay free of throws clauses; each subclass carries a short machine code
 * that channels turn into the {@code error} field of a client-facing response.
 */
public class CouncilbotException extends RuntimeException {
    private final String code;

    public CouncilbotException(String code, String message) {
        super(message);
        this.code = requireText(code, "code");
    }

    public CouncilbotException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = requireText(code, "code");
    }

    /** A short snake_case code, e.g. {@code message_too_long}. */
    public String code() {
        return code;
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}

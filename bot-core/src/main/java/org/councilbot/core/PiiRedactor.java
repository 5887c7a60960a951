package org.councilbot.core;

/** Stage 3: removes personal data from text before it is logged or leaves the process. */
@FunctionalInterface
public interface PiiRedactor {
    String redact(String text);

    /** Emails, UK phone numbers, National Insurance numbers, payment card numbers, UK postcodes. */
    static PiiRedactor ukPatterns() {
        return new PatternPiiRedactor();
    }
}

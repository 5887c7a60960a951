package org.councilbot.evals;

/** A suite, thresholds file or option that cannot be used as given; the message says what to fix. */
final class SuiteException extends RuntimeException {
    SuiteException(String message) {
        super(message);
    }
}

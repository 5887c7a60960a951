package org.councilbot.handoff;

/** A body that is not the JSON or XML expected; the message completes "the body ...". */
final class WireFormatException extends Exception {
    WireFormatException(String message) {
        super(message, null, false, false);
    }
}

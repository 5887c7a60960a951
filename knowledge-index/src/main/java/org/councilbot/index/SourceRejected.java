package org.councilbot.index;

/** A corpus file or record cannot be indexed; the message is the reason shown in the build report. */
final class SourceRejected extends Exception {
    SourceRejected(String reason) {
        super(reason, null, false, false);
    }
}

package org.councilbot.core;

/** Receives pieces of an answer as a streaming composer writes them. */
@FunctionalInterface
public interface TokenSink {
    void token(String piece);
}

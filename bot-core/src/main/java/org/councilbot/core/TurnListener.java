package org.councilbot.core;

/** Told of every turn once it is stored, e.g. to stream it to the conversation's subscribers. */
@FunctionalInterface
public interface TurnListener {
    void turnCompleted(Turn turn);
}

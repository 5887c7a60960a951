package org.councilbot.channels;

import org.councilbot.core.Turn;

/** Something to stream to a conversation's live subscribers. */
sealed interface ConversationEvent {

    /** A completed turn: the resident's message and the bot's reply. */
    record TurnCompleted(Turn turn) implements ConversationEvent {}

    /** The answer being written so far; every sentence in it has passed the guard. */
    record Draft(String textSoFar) implements ConversationEvent {}

    /** The streamed draft is withdrawn; the next reply replaces it. */
    record DraftWithdrawn() implements ConversationEvent {}
}

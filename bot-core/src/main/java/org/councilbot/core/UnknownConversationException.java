package org.councilbot.core;

/** A message for a conversation that the store does not hold. */
public final class UnknownConversationException extends CouncilbotException {
    public UnknownConversationException(String conversationId) {
        super("unknown_conversation", "No conversation with id " + conversationId
                + "; start one with POST /api/v1/conversations.");
    }
}

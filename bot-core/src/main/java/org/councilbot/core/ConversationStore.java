package org.councilbot.core;

import java.util.List;
import java.util.Optional;

/** Keeps conversations and their turns; implementations must survive a process restart. */
public interface ConversationStore {

    /** Stores a new conversation; throws {@link CouncilbotException} if the id is taken. */
    void create(Conversation conversation);

    Optional<Conversation> find(String conversationId);

    /**
     * Appends a turn. Its sequence must be one more than the last stored turn's; otherwise
     * throws {@link CouncilbotException} with code {@code turn_out_of_order}.
     */
    void append(Turn turn);

    /** The conversation's turns, oldest first; empty for an unknown conversation. */
    List<Turn> turns(String conversationId);
}

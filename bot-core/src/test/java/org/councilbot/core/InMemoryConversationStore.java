package org.councilbot.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A real, map-backed store for engine tests; it enforces the port's ordering rule. */
final class InMemoryConversationStore implements ConversationStore {
    private final Map<String, Conversation> conversations = new ConcurrentHashMap<>();
    private final Map<String, List<Turn>> turns = new ConcurrentHashMap<>();

    @Override
    public void create(Conversation conversation) {
        if (conversations.putIfAbsent(conversation.id(), conversation) != null) {
            throw new CouncilbotException("conversation_exists", "conversation exists: " + conversation.id());
        }
        turns.put(conversation.id(), new ArrayList<>());
    }

    @Override
    public Optional<Conversation> find(String conversationId) {
        return Optional.ofNullable(conversations.get(conversationId));
    }

    @Override
    public synchronized void append(Turn turn) {
        List<Turn> list = turns.get(turn.conversationId());
        if (list == null || turn.sequence() != list.size() + 1) {
            throw new CouncilbotException("turn_out_of_order", "turn out of order: " + turn.sequence());
        }
        list.add(turn);
    }

    @Override
    public synchronized List<Turn> turns(String conversationId) {
        return List.copyOf(turns.getOrDefault(conversationId, List.of()));
    }
}

package org.councilbot.core;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises the turns of each conversation.
 *
 * <p>A fixed array of fair locks, picked by the conversation id's hash: fair locks hand over in
 * arrival order, so turns run in the order they came, and the array never grows with the number
 * of conversations. Two conversations sharing a stripe only wait for each other briefly.
 */
final class ConversationLocks {
    private final ReentrantLock[] stripes;

    ConversationLocks(int stripeCount) {
        stripes = new ReentrantLock[stripeCount];
        for (int i = 0; i < stripeCount; i++) {
            stripes[i] = new ReentrantLock(true);
        }
    }

    ReentrantLock forConversation(String conversationId) {
        return stripes[Math.floorMod(conversationId.hashCode(), stripes.length)];
    }
}

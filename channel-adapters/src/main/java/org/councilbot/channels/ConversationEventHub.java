package org.councilbot.channels;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.Optional;
import org.councilbot.core.Turn;
import org.councilbot.core.TurnListener;
import org.councilbot.core.DraftListener;

/**
 * Fans completed turns out to the conversation's live subscribers (SSE streams) in this process.
 *
 * <p>Each subscriber has a bounded queue: a stalled browser loses its stream rather than making
 * the engine wait or the heap grow.
 */
final class ConversationEventHub implements TurnListener, DraftListener {
    private static final System.Logger LOG = System.getLogger(ConversationEventHub.class.getName());

    private final Map<String, List<Subscription>> subscribers = new ConcurrentHashMap<>();
    private final int maxSubscribersPerConversation;
    private final int queueCapacity;

    ConversationEventHub(int maxSubscribersPerConversation, int queueCapacity) {
        this.maxSubscribersPerConversation = maxSubscribersPerConversation;
        this.queueCapacity = queueCapacity;
    }

    /** A new subscription, or empty when the conversation already has as many as allowed. */
    Optional<Subscription> subscribe(String conversationId) {
        // compute() is atomic per key, so a subscribe cannot race the removal of an emptied list.
        Subscription[] created = new Subscription[1];
        subscribers.compute(conversationId, (id, list) -> {
            List<Subscription> current = list == null ? new CopyOnWriteArrayList<>() : list;
            if (current.size() < maxSubscribersPerConversation) {
                created[0] = new Subscription(conversationId, new ArrayBlockingQueue<>(queueCapacity));
                current.add(created[0]);
            }
            return current.isEmpty() ? null : current;
        });
        return Optional.ofNullable(created[0]);
    }

    @Override
    public void turnCompleted(Turn turn) {
        publish(turn.conversationId(), new ConversationEvent.TurnCompleted(turn));
    }

    @Override
    public void draft(String conversationId, String textSoFar) {
        publish(conversationId, new ConversationEvent.Draft(textSoFar));
    }

    @Override
    public void withdrawn(String conversationId) {
        publish(conversationId, new ConversationEvent.DraftWithdrawn());
    }

    private void publish(String conversationId, ConversationEvent event) {
        for (Subscription subscription : subscribers.getOrDefault(conversationId, List.of())) {
            if (!subscription.queue.offer(event)) {
                LOG.log(System.Logger.Level.WARNING, "dropping a stalled event stream of conversation " + conversationId);
                subscription.close();
            }
        }
    }

    int subscriberCount(String conversationId) {
        return subscribers.getOrDefault(conversationId, List.of()).size();
    }

    /** One live stream's view of a conversation; close it when the stream ends. */
    final class Subscription implements AutoCloseable {
        private final String conversationId;
        private final BlockingQueue<ConversationEvent> queue;
        private volatile boolean open = true;

        private Subscription(String conversationId, BlockingQueue<ConversationEvent> queue) {
            this.conversationId = conversationId;
            this.queue = queue;
        }

        /** The next event, waiting up to {@code millis}; empty on timeout. */
        Optional<ConversationEvent> next(long millis) throws InterruptedException {
            return Optional.ofNullable(queue.poll(millis, TimeUnit.MILLISECONDS));
        }

        boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
            subscribers.computeIfPresent(conversationId, (id, list) -> {
                list.remove(this);
                return list.isEmpty() ? null : list;
            });
        }
    }
}

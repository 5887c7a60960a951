package org.councilbot.channels;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.Status;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import org.councilbot.core.Conversation;

/**
 * Streams a conversation's turns over server-sent events until the client leaves.
 *
 * <p>Comments every heartbeat keep proxies from closing an idle stream; a stream also ends after
 * a maximum lifetime so that abandoned browser tabs do not hold a thread forever (EventSource
 * reconnects by itself).
 */
final class ConversationEventStream {
    private static final System.Logger LOG = System.getLogger(ConversationEventStream.class.getName());

    private final ConversationEventHub hub;
    private final ReplyJson replies;
    private final ObjectMapper mapper;
    private final Duration heartbeat;
    private final Duration maxLifetime;

    ConversationEventStream(ConversationEventHub hub, ReplyJson replies, ObjectMapper mapper,
                            Duration heartbeat, Duration maxLifetime) {
        this.hub = hub;
        this.replies = replies;
        this.mapper = mapper;
        this.heartbeat = heartbeat;
        this.maxLifetime = maxLifetime;
    }

    void stream(Conversation conversation, ServerResponse response) {
        Optional<ConversationEventHub.Subscription> subscription = hub.subscribe(conversation.id());
        if (subscription.isEmpty()) {
            throw new ApiException(Status.TOO_MANY_REQUESTS_429.code(), "too_many_streams",
                    "This conversation already has the most event streams allowed; close one and retry.");
        }
        long deadline = System.nanoTime() + maxLifetime.toNanos();
        try (ConversationEventHub.Subscription events = subscription.get();
             SseSink sink = response.sink(SseSink.TYPE)) {
            sink.emit(SseEvent.builder().name("ready")
                    .data(json(mapper.createObjectNode().put("conversation", conversation.id()))).build());
            while (events.isOpen() && System.nanoTime() < deadline) {
                Optional<ConversationEvent> event = events.next(heartbeat.toMillis());
                if (event.isEmpty()) {
                    sink.emit(SseEvent.builder().comment("keep-alive").build());
                    continue;
                }
                switch (event.get()) {
                    case ConversationEvent.TurnCompleted completed -> sink.emit(SseEvent.builder().name("reply")
                            .id(String.valueOf(completed.turn().sequence()))
                            .data(json(replies.turn(completed.turn()))).build());
                    case ConversationEvent.Draft draft -> sink.emit(SseEvent.builder().name("draft")
                            .data(json(mapper.createObjectNode().put("text", draft.textSoFar()))).build());
                    case ConversationEvent.DraftWithdrawn withdrawn -> sink.emit(SseEvent.builder().name("withdrawn")
                            .data("{}").build());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (UncheckedIOException | IllegalStateException e) {
            // The client went away; nothing to tell it.
            LOG.log(System.Logger.Level.DEBUG, "event stream closed: " + e);
        }
    }

    private String json(Object node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

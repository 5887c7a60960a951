package org.councilbot.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.councilbot.core.Action;
import org.councilbot.core.BotReply;
import org.councilbot.core.Rationale;
import org.councilbot.core.Turn;
import org.junit.jupiter.api.Test;

class ConversationEventHubTest {
    private final ConversationEventHub hub = new ConversationEventHub(2, 2);

    @Test
    void delivers_a_turn_to_every_subscriber_of_its_conversation_only() throws Exception {
        var first = hub.subscribe("c1").orElseThrow();
        var second = hub.subscribe("c1").orElseThrow();
        var other = hub.subscribe("c2").orElseThrow();
        hub.turnCompleted(turn("c1", 1));
        assertThat(first.next(100)).get().isEqualTo(new ConversationEvent.TurnCompleted(turn("c1", 1)));
        assertThat(second.next(100)).isPresent();
        assertThat(other.next(50)).isEmpty();
    }

    @Test
    void streams_drafts_and_their_withdrawal_in_order() throws Exception {
        var stream = hub.subscribe("c1").orElseThrow();
        hub.draft("c1", "A permit costs £45.");
        hub.withdrawn("c1");
        assertThat(stream.next(100)).get().isEqualTo(new ConversationEvent.Draft("A permit costs £45."));
        assertThat(stream.next(100)).get().isEqualTo(new ConversationEvent.DraftWithdrawn());
    }

    @Test
    void limits_subscribers_per_conversation_and_frees_the_place_on_close() {
        var first = hub.subscribe("c1").orElseThrow();
        hub.subscribe("c1").orElseThrow();
        assertThat(hub.subscribe("c1")).isEmpty();
        first.close();
        assertThat(hub.subscribe("c1")).isPresent();
    }

    @Test
    void drops_a_stalled_subscriber_instead_of_blocking() {
        var stalled = hub.subscribe("c1").orElseThrow();
        for (int i = 1; i <= 3; i++) {
            hub.turnCompleted(turn("c1", i));
        }
        assertThat(stalled.isOpen()).isFalse();
        assertThat(hub.subscriberCount("c1")).isZero();
    }

    private static Turn turn(String conversation, int sequence) {
        BotReply reply = new BotReply("hi", Action.SMALLTALK, List.of(), List.of(), List.of(),
                new Rationale("greeting", 1, "smalltalk", "", List.of()));
        return new Turn(conversation, sequence, "hello", reply, Instant.EPOCH);
    }
}

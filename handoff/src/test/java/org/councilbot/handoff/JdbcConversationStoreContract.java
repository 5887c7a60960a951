package org.councilbot.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.councilbot.core.Action;
import org.councilbot.core.BotReply;
import org.councilbot.core.Conversation;
import org.councilbot.core.ConversationStore;
import org.councilbot.core.CouncilbotException;
import org.councilbot.core.Rationale;
import org.councilbot.core.Turn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The port contract plus what {@link JdbcConversationStore} adds, for each database it runs on. */
abstract class JdbcConversationStoreContract extends ConversationStoreContract {
    private CouncilDatabase database;
    private JdbcConversationStore store;

    /** Settings of a migrated or empty database that the test may write to. */
    protected abstract DatabaseSettings settings();

    /** The store under test over {@code database}; subclasses may configure it differently. */
    protected JdbcConversationStore newStore(CouncilDatabase database) {
        return JdbcConversationStore.create(database);
    }

    @BeforeEach
    void openDatabase() {
        database = CouncilDatabase.open(settings());
        store = newStore(database);
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) { // not opened when settings() skipped the test
            database.close();
        }
    }

    @Override
    protected ConversationStore store() {
        return store;
    }

    @Test
    void keeps_conversations_and_turns_when_the_database_is_reopened() {
        // given
        Conversation conversation = created();
        List<Turn> turns = List.of(turn(conversation.id(), 1, "missed bin"), turn(conversation.id(), 2, "blue bin"));
        turns.forEach(store::append);

        // when
        database.close();
        openDatabase();

        // then
        assertThat(store.find(conversation.id())).contains(conversation);
        assertThat(store.turns(conversation.id())).containsExactlyElementsOf(turns);
        Turn third = turn(conversation.id(), 3, "thanks");
        store.append(third);
        assertThat(store.turns(conversation.id())).hasSize(3).endsWith(third);
    }

    @Test
    void queues_handed_over_conversations_for_a_person_safeguarding_first_then_oldest() {
        // given three conversations: a request for a person, an answered question, a safeguarding concern
        HandoffQueue queue = HandoffQueue.create(database);
        Conversation person = created();
        store.append(turn(person.id(), 1, "hello"));
        store.append(replying(person.id(), 2, "can I speak to someone", Action.HANDOFF, "resident asked for a person"));
        Conversation answered = created();
        store.append(turn(answered.id(), 1, "when is my bin collected"));
        Conversation atRisk = created();
        store.append(replying(atRisk.id(), 1, "I don't feel safe at home", Action.SAFEGUARDING, "cue 'not safe at home'"));

        // then the concern comes first although it was raised later, and the answered one is not waiting
        // (other tests may share the database: only this test's conversations are looked at)
        List<WaitingConversation> waiting = ofThese(queue.waiting(500), person, answered, atRisk);
        assertThat(waiting).extracting(WaitingConversation::conversationId).containsExactly(atRisk.id(), person.id());
        assertThat(waiting.get(0).priority()).isEqualTo(HandoffPriority.URGENT);
        assertThat(waiting.get(0).reason()).isEqualTo("cue 'not safe at home'");
        assertThat(waiting.get(1).priority()).isEqualTo(HandoffPriority.NORMAL);
        assertThat(waiting.get(1).requestedAt()).isEqualTo(START.plusSeconds(2));
        assertThat(queue.waiting(1)).hasSize(1);
    }

    @Test
    void raises_a_waiting_conversation_to_urgent_and_keeps_when_it_first_asked() {
        HandoffQueue queue = HandoffQueue.create(database);
        Conversation conversation = created();
        store.append(replying(conversation.id(), 1, "talk to a human", Action.HANDOFF, "resident asked for a person"));
        store.append(replying(conversation.id(), 2, "he hits me", Action.SAFEGUARDING, "domestic abuse cue"));
        store.append(replying(conversation.id(), 3, "hello?", Action.HANDOFF, "resident asked for a person"));

        assertThat(ofThese(queue.waiting(500), conversation)).singleElement().satisfies(waiting -> {
            assertThat(waiting.priority()).isEqualTo(HandoffPriority.URGENT);
            assertThat(waiting.reason()).isEqualTo("domestic abuse cue");
            assertThat(waiting.requestedAt()).isEqualTo(START.plusSeconds(1));
            assertThat(waiting.lastActiveAt()).isEqualTo(START.plusSeconds(3));
        });
    }

    private static List<WaitingConversation> ofThese(List<WaitingConversation> waiting, Conversation... these) {
        List<String> ids = java.util.Arrays.stream(these).map(Conversation::id).toList();
        return waiting.stream().filter(conversation -> ids.contains(conversation.conversationId())).toList();
    }

    private static Turn replying(String conversationId, int sequence, String residentText, Action action,
                                 String reason) {
        BotReply reply = new BotReply("A person will help.", action, List.of(), List.of(), List.of(),
                new Rationale(action.wireName(), 1.0, reason, "", List.of()));
        return new Turn(conversationId, sequence, residentText, reply, START.plusSeconds(sequence));
    }

    @Test
    void keeps_timestamps_to_the_microsecond() {
        Instant withNanos = Instant.parse("2025-06-01T12:00:00.123456789Z");
        Conversation conversation = new Conversation(newId(), "web", "", withNanos);
        store.create(conversation);
        Turn turn = turn(conversation.id(), 1, "hello");
        store.append(new Turn(turn.conversationId(), 1, turn.residentText(), turn.reply(), withNanos));

        Instant micros = Instant.parse("2025-06-01T12:00:00.123456Z");
        assertThat(store.find(conversation.id())).map(Conversation::startedAt).contains(micros);
        assertThat(store.turns(conversation.id())).extracting(Turn::at).containsExactly(micros);
    }

    @Test
    void reports_a_database_failure_without_quoting_the_resident() {
        Conversation conversation = created();
        database.close();

        assertThatThrownBy(() -> store.append(turn(conversation.id(), 1, "my address is 1 Acacia Avenue")))
                .isInstanceOfSatisfying(CouncilbotException.class, e -> {
                    assertThat(e.code()).isEqualTo("store_failed");
                    assertThat(e.getCause()).isNull();
                })
                .hasMessageContaining(conversation.id())
                .hasMessageNotContaining("Acacia");
    }

    @Test
    void reports_a_rejected_value_without_quoting_it() {
        // Regression: H2 quotes a value that is too long for its column in the exception message.
        String tooLong = "channel-named-after-1-acacia-avenue-".repeat(3);
        Conversation conversation = new Conversation(newId(), tooLong, "", START);

        assertThatThrownBy(() -> store.create(conversation))
                .isInstanceOfSatisfying(CouncilbotException.class, e -> {
                    assertThat(e.code()).isEqualTo("store_failed");
                    assertThat(e.getCause()).isNull();
                })
                .hasMessageContaining("22001")
                .hasMessageNotContaining("acacia");
        assertThat(store.find(conversation.id())).isEmpty();
    }
}

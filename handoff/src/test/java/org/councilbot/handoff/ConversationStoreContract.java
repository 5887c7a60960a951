package org.councilbot.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.councilbot.core.Action;
import org.councilbot.core.BotReply;
import org.councilbot.core.Citation;
import org.councilbot.core.Conversation;
import org.councilbot.core.ConversationStore;
import org.councilbot.core.CouncilbotException;
import org.councilbot.core.RankedSource;
import org.councilbot.core.Rationale;
import org.councilbot.core.Turn;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ConversationStore} must do, whatever keeps the data. Each test uses fresh
 * random conversation ids, so implementations may share one database between tests.
 */
abstract class ConversationStoreContract {

    static final Instant START = Instant.parse("2025-03-14T09:26:53.589793Z");

    /** The store under test, ready for use. */
    protected abstract ConversationStore store();

    @Test
    void finds_a_created_conversation() {
        // given
        Conversation conversation = newConversation();

        // when
        store().create(conversation);

        // then
        assertThat(store().find(conversation.id())).contains(conversation);
    }

    @Test
    void keeps_an_empty_access_token_hash() {
        Conversation conversation = new Conversation(newId(), "alexa", "", START);

        store().create(conversation);

        assertThat(store().find(conversation.id())).contains(conversation);
    }

    @Test
    void unknown_conversation_is_empty_and_has_no_turns() {
        String id = newId();

        assertThat(store().find(id)).isEmpty();
        assertThat(store().turns(id)).isEmpty();
    }

    @Test
    void rejects_a_second_conversation_with_the_same_id() {
        Conversation first = newConversation();
        store().create(first);
        Conversation second = new Conversation(first.id(), "voice", "", START.plusSeconds(60));

        assertThatThrownBy(() -> store().create(second))
                .isInstanceOfSatisfying(CouncilbotException.class,
                        e -> assertThat(e.code()).isEqualTo("conversation_exists"))
                .hasMessageContaining(first.id());
        assertThat(store().find(first.id())).contains(first);
    }

    @Test
    void returns_turns_oldest_first() {
        // given
        Conversation conversation = created();
        List<Turn> appended = List.of(
                turn(conversation.id(), 1, "When is my bin collected?"),
                turn(conversation.id(), 2, "And recycling?"),
                turn(conversation.id(), 3, "Thanks"));

        // when
        appended.forEach(store()::append);

        // then
        assertThat(store().turns(conversation.id())).containsExactlyElementsOf(appended);
    }

    @Test
    void keeps_turns_of_conversations_apart() {
        Conversation one = created();
        Conversation other = created();
        Turn inOne = turn(one.id(), 1, "pothole on the high street");
        Turn inOther = turn(other.id(), 1, "council tax band");

        store().append(inOne);
        store().append(inOther);

        assertThat(store().turns(one.id())).containsExactly(inOne);
        assertThat(store().turns(other.id())).containsExactly(inOther);
    }

    @Test
    void rejects_a_turn_that_skips_a_sequence() {
        Conversation conversation = created();
        store().append(turn(conversation.id(), 1, "hello"));

        assertThatThrownBy(() -> store().append(turn(conversation.id(), 3, "skipped two")))
                .isInstanceOfSatisfying(CouncilbotException.class,
                        e -> assertThat(e.code()).isEqualTo("turn_out_of_order"))
                .hasMessageContaining(conversation.id())
                .hasMessageNotContaining("skipped two");
        assertThat(store().turns(conversation.id())).extracting(Turn::sequence).containsExactly(1);
    }

    @Test
    void rejects_a_turn_that_repeats_a_sequence() {
        Conversation conversation = created();
        Turn first = turn(conversation.id(), 1, "hello");
        store().append(first);

        assertThatThrownBy(() -> store().append(turn(conversation.id(), 1, "hello again")))
                .isInstanceOfSatisfying(CouncilbotException.class,
                        e -> assertThat(e.code()).isEqualTo("turn_out_of_order"));
        assertThat(store().turns(conversation.id())).containsExactly(first);
    }

    @Test
    void rejects_a_first_turn_that_is_not_sequence_one() {
        Conversation conversation = created();

        assertThatThrownBy(() -> store().append(turn(conversation.id(), 2, "hello")))
                .isInstanceOfSatisfying(CouncilbotException.class,
                        e -> assertThat(e.code()).isEqualTo("turn_out_of_order"));
        assertThat(store().turns(conversation.id())).isEmpty();
    }

    @Test
    void rejects_a_turn_for_an_unknown_conversation() {
        String id = newId();

        assertThatThrownBy(() -> store().append(turn(id, 1, "hello")))
                .isInstanceOfSatisfying(CouncilbotException.class,
                        e -> assertThat(e.code()).isEqualTo("unknown_conversation"));
        assertThat(store().find(id)).isEmpty();
    }

    @Test
    void round_trips_a_full_reply_with_unicode() {
        // given
        Conversation conversation = created();
        BotReply reply = new BotReply(
                "Bydd eich biniau’n cael eu casglu ddydd Mawrth 🗑️.\n- Ailgylchu: wythnos nesaf\n- 垃圾: 星期二 «ok» \"quoted\" \\ back",
                Action.ANSWER,
                List.of(new Citation("Casgliadau biniau – Cyngor Sir", "https://example.gov.uk/biniau?diwrnod=mawrth&iaith=cy"),
                        new Citation("Bin collections", "https://example.gov.uk/bins#day")),
                List.of(new Citation("Garden waste ♻", "https://example.gov.uk/garden-waste")),
                List.of("Report a missed bin", "Siarad â pherson", "👍"),
                new Rationale("question", 0.8234567890123456, "best page covers 0.82 of the question",
                        "pryd mae fy miniau’n cael eu casglu",
                        List.of(new RankedSource("https://example.gov.uk/biniau", "Biniau", 12.375, 0.82),
                                new RankedSource("https://example.gov.uk/bins", "Bins", 0.1 + 0.2, 1.0E-12))));
        Turn turn = new Turn(conversation.id(), 1, "Pryd mae fy miniau’n cael eu casglu? 🗑️ مرحبا",
                reply, START.plusSeconds(5));

        // when
        store().append(turn);

        // then
        assertThat(store().turns(conversation.id())).containsExactly(turn);
    }

    @Test
    void round_trips_a_reply_with_empty_lists_and_texts() {
        Conversation conversation = created();
        BotReply reply = new BotReply("", Action.DONT_KNOW, List.of(), List.of(), List.of(),
                new Rationale("", 0.0, "", "", List.of()));
        Turn turn = new Turn(conversation.id(), 1, "?", reply, START);

        store().append(turn);

        assertThat(store().turns(conversation.id())).containsExactly(turn);
    }

    @Test
    void round_trips_every_action() {
        Conversation conversation = created();
        List<Turn> turns = new ArrayList<>();
        for (Action action : Action.values()) {
            BotReply reply = new BotReply(action.wireName(), action, List.of(), List.of(), List.of(),
                    new Rationale(action.wireName(), 1.0, "test", "", List.of()));
            turns.add(new Turn(conversation.id(), turns.size() + 1, "say " + action.wireName(), reply, START));
        }

        turns.forEach(store()::append);

        assertThat(store().turns(conversation.id())).containsExactlyElementsOf(turns);
    }

    @Test
    void concurrent_appends_never_leave_gaps_or_duplicates() throws Exception {
        // given: several writers, each retrying with the next free sequence until it has stored its share
        Conversation conversation = created();
        int writers = 6;
        int turnsPerWriter = 8;
        CyclicBarrier start = new CyclicBarrier(writers);
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String writer = "writer " + w;
            tasks.add(() -> {
                start.await(10, TimeUnit.SECONDS);
                int stored = 0;
                while (stored < turnsPerWriter) {
                    List<Turn> turns = store().turns(conversation.id());
                    int next = turns.isEmpty() ? 1 : turns.getLast().sequence() + 1;
                    try {
                        store().append(turn(conversation.id(), next, writer));
                        stored++;
                    } catch (CouncilbotException e) {
                        if (!e.code().equals("turn_out_of_order")) {
                            throw e;
                        }
                    }
                }
                return stored;
            });
        }

        // when
        List<Integer> stored = Concurrently.runTogether(tasks);

        // then
        List<Turn> turns = store().turns(conversation.id());
        assertThat(stored).containsOnly(turnsPerWriter);
        assertThat(turns).extracting(Turn::sequence)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, writers * turnsPerWriter).boxed().toList());
        for (int w = 0; w < writers; w++) {
            String writer = "writer " + w;
            assertThat(turns).filteredOn(t -> t.residentText().equals(writer)).hasSize(turnsPerWriter);
        }
    }

    @Test
    void of_appends_racing_for_one_sequence_exactly_one_wins() throws Exception {
        // Regression: the loser of a primary-key race must get turn_out_of_order, not store_failed.
        Conversation conversation = created();
        int writers = 5;
        int rounds = 10;
        for (int sequence = 1; sequence <= rounds; sequence++) {
            int seq = sequence;
            CyclicBarrier barrier = new CyclicBarrier(writers);
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String text = "round " + seq + " writer " + w;
                tasks.add(() -> {
                    barrier.await(10, TimeUnit.SECONDS);
                    try {
                        store().append(turn(conversation.id(), seq, text));
                        return 1;
                    } catch (CouncilbotException e) {
                        assertThat(e.code()).isEqualTo("turn_out_of_order");
                        return 0;
                    }
                });
            }

            List<Integer> wins = Concurrently.runTogether(tasks);

            assertThat(wins.stream().mapToInt(Integer::intValue).sum()).as("winners of round %d", seq).isEqualTo(1);
        }
        assertThat(store().turns(conversation.id())).extracting(Turn::sequence)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, rounds).boxed().toList());
    }

    static String newId() {
        return "conv-" + UUID.randomUUID();
    }

    static Conversation newConversation() {
        return new Conversation(newId(), "web",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", START);
    }

    Conversation created() {
        Conversation conversation = newConversation();
        store().create(conversation);
        return conversation;
    }

    static Turn turn(String conversationId, int sequence, String residentText) {
        BotReply reply = new BotReply("Reply to " + residentText, Action.ANSWER,
                List.of(new Citation("Bins", "https://example.gov.uk/bins")), List.of(),
                List.of("Thanks"), new Rationale("question", 0.5, "test reply", residentText,
                List.of(new RankedSource("https://example.gov.uk/bins", "Bins", 1.5, 0.5))));
        return new Turn(conversationId, sequence, residentText, reply, START.plusSeconds(sequence));
    }

}

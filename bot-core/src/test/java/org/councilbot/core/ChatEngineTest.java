package org.councilbot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ChatEngineTest {
    private static final CouncilProfile COUNCIL = new CouncilProfile("Testshire Council", "https://testshire.example",
            "01632 960000", "Monday to Friday, 9am to 5pm", "01632 960999", List.of("Bin day"));
    private static final Passage RECYCLING = PageRetriever.page("https://testshire.example/recycling",
            "Recycling collections", "Recycling is collected every other Monday. Put your blue bin out by 7am.");
    private static final Passage PARKING = PageRetriever.page("https://testshire.example/parking",
            "Parking permits", "A resident parking permit costs £45 a year.");
    private static final Passage GARDEN = PageRetriever.page("https://testshire.example/garden-waste",
            "Garden waste", "Garden waste is collected every other Tuesday. The service costs £52 a year.");

    private final InMemoryConversationStore store = new InMemoryConversationStore();
    private final List<Turn> heard = Collections.synchronizedList(new ArrayList<>());
    private final ChatEngine engine = ChatEngine.builder()
            .store(store)
            .retriever(new PageRetriever(List.of(RECYCLING, PARKING, GARDEN)))
            .council(COUNCIL)
            .listener(heard::add)
            .clock(Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC))
            .build();

    @Test
    void answers_with_citation_when_a_page_matches() {
        String id = engine.startConversation("web", "").id();
        BotReply reply = engine.handle(new ResidentMessage(id, "when is recycling collected"));
        assertThat(reply.action()).isEqualTo(Action.ANSWER);
        assertThat(reply.text()).contains("every other Monday");
        assertThat(reply.citations()).containsExactly(RECYCLING.citation());
        assertThat(reply.why().sources()).extracting(RankedSource::url).first().isEqualTo(RECYCLING.url());
        assertThat(reply.why().reason()).contains("covers");
    }

    @Test
    void says_it_does_not_know_below_the_floor_and_offers_a_person() {
        String id = engine.startConversation("web", "").id();
        BotReply reply = engine.handle(new ResidentMessage(id, "renew passport abroad urgently recycling"));
        assertThat(reply.action()).isEqualTo(Action.DONT_KNOW);
        assertThat(reply.text()).contains("couldn't find").contains("01632 960000");
        assertThat(reply.citations()).isEmpty();
        assertThat(reply.related()).containsExactly(RECYCLING.citation());
        assertThat(reply.quickReplies()).contains("Talk to a person");
        assertThat(reply.why().reason()).contains("below the floor");
    }

    @Test
    void says_it_does_not_know_when_nothing_matches_at_all() {
        String id = engine.startConversation("web", "").id();
        BotReply reply = engine.handle(new ResidentMessage(id, "lasagne recipe"));
        assertThat(reply.action()).isEqualTo(Action.DONT_KNOW);
        assertThat(reply.related()).isEmpty();
    }

    @Test
    void greets_thanks_and_says_goodbye_as_smalltalk() {
        String id = engine.startConversation("web", "").id();
        BotReply hello = engine.handle(new ResidentMessage(id, "hello"));
        assertThat(hello.action()).isEqualTo(Action.SMALLTALK);
        assertThat(hello.text()).contains("Testshire Council");
        assertThat(hello.quickReplies()).containsExactly("Bin day");
        assertThat(engine.handle(new ResidentMessage(id, "thanks")).action()).isEqualTo(Action.SMALLTALK);
        assertThat(engine.handle(new ResidentMessage(id, "bye")).text()).contains("Goodbye");
    }

    @Test
    void screens_for_safeguarding_before_anything_else() {
        String id = engine.startConversation("web", "").id();
        BotReply reply = engine.handle(new ResidentMessage(id, "hello, I want to end my life"));
        assertThat(reply.action()).isEqualTo(Action.SAFEGUARDING);
        assertThat(reply.text()).contains("999").contains("116 123").contains("01632 960999");
        assertThat(reply.why().intent()).isEqualTo("safeguarding:self_harm");
    }

    @Test
    void gives_contact_details_when_asked_for_a_person() {
        String id = engine.startConversation("web", "").id();
        BotReply reply = engine.handle(new ResidentMessage(id, "can I talk to a real person"));
        assertThat(reply.action()).isEqualTo(Action.HANDOFF);
        assertThat(reply.text()).contains("01632 960000");
    }

    @Test
    void stores_each_turn_and_tells_listeners() {
        String id = engine.startConversation("web", "hash").id();
        engine.handle(new ResidentMessage(id, "hi"));
        engine.handle(new ResidentMessage(id, "  parking   permit price "));
        List<Turn> turns = engine.transcript(id);
        assertThat(turns).extracting(Turn::sequence).containsExactly(1, 2);
        assertThat(turns.get(1).residentText()).isEqualTo("parking permit price");
        assertThat(turns.get(1).at()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(heard).isEqualTo(turns);
    }

    @Test
    void rejects_unknown_conversations_and_invalid_text_without_storing() {
        assertThatThrownBy(() -> engine.handle(new ResidentMessage("nope", "hello")))
                .isInstanceOf(UnknownConversationException.class);
        String id = engine.startConversation("web", "").id();
        assertThatThrownBy(() -> engine.handle(new ResidentMessage(id, "   ")))
                .isInstanceOf(InvalidMessageException.class);
        assertThat(engine.transcript(id)).isEmpty();
    }

    @Test
    void a_failing_listener_does_not_cost_the_reply() {
        ChatEngine fragile = ChatEngine.builder().store(store).retriever(new PageRetriever(List.of(RECYCLING)))
                .council(COUNCIL).listener(turn -> {
                    throw new IllegalStateException("subscriber gone");
                }).build();
        String id = fragile.startConversation("web", "").id();
        assertThat(fragile.handle(new ResidentMessage(id, "hello")).action()).isEqualTo(Action.SMALLTALK);
        assertThat(fragile.transcript(id)).hasSize(1);
    }

    @Test
    void handles_concurrent_messages_of_one_conversation_one_at_a_time() throws Exception {
        String id = engine.startConversation("web", "").id();
        int messages = 40;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<BotReply>> replies = new ArrayList<>();
            for (int i = 0; i < messages; i++) {
                String text = "recycling collected " + "?".repeat(i + 1);
                replies.add(pool.submit(() -> {
                    go.await();
                    return engine.handle(new ResidentMessage(id, text));
                }));
            }
            go.countDown();
            for (Future<BotReply> reply : replies) {
                assertThat(reply.get().action()).isEqualTo(Action.ANSWER);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(engine.transcript(id)).extracting(Turn::sequence)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, messages).boxed().toList());
    }

    @Test
    void quotes_a_section_of_the_best_page_that_retrieval_did_not_return() {
        // given a page whose price sits in a second chunk that the retriever does not rank
        Passage about = new Passage("https://testshire.example/permits#1", "https://testshire.example/permits",
                "Parking permits", List.of("Parking permits"), "parking",
                "Resident parking permits let you park in your zone.", 5, 1.0);
        Passage prices = new Passage("https://testshire.example/permits#2", "https://testshire.example/permits",
                "Parking permits", List.of("Parking permits", "Prices"), "parking",
                "A permit costs £45 a year. A second permit costs £90.", 0, 1.0);
        KnowledgeRetriever retriever = new KnowledgeRetriever() {
            @Override
            public List<Passage> retrieve(KnowledgeQuery query) {
                return List.of(about);
            }

            @Override
            public List<Passage> pagePassages(String url) {
                return url.equals(about.url()) ? List.of(about, prices) : List.of();
            }
        };
        ChatEngine wholePage = ChatEngine.builder().store(store).retriever(retriever).council(COUNCIL).build();
        String id = wholePage.startConversation("web", "").id();
        // when
        BotReply reply = wholePage.handle(new ResidentMessage(id, "how much is a resident parking permit"));
        // then
        assertThat(reply.action()).isEqualTo(Action.ANSWER);
        assertThat(reply.text()).contains("£45");
        assertThat(reply.citations()).containsExactly(about.citation());
    }

    @Test
    void reads_a_short_question_about_it_as_a_follow_up_of_the_last_answer() {
        String id = engine.startConversation("web", "").id();
        engine.handle(new ResidentMessage(id, "how do I get a resident parking permit"));
        BotReply reply = engine.handle(new ResidentMessage(id, "how much does it cost?"));
        assertThat(reply.action()).isEqualTo(Action.ANSWER);
        assertThat(reply.text()).contains("£45");
        assertThat(reply.citations()).containsExactly(PARKING.citation());
        assertThat(reply.why().query()).isEqualTo("how much does it cost? Parking permits resident");
        assertThat(reply.why().reason()).contains("follow-up of turn 1");
    }

    @Test
    void reads_and_x_as_the_last_question_asked_about_x() {
        String id = engine.startConversation("web", "").id();
        engine.handle(new ResidentMessage(id, "when is recycling collected"));
        BotReply reply = engine.handle(new ResidentMessage(id, "and garden waste?"));
        assertThat(reply.citations()).containsExactly(GARDEN.citation());
        assertThat(reply.text()).contains("Tuesday");
        assertThat(reply.why().query()).isEqualTo("when garden waste");
    }

    @Test
    void keeps_a_new_question_on_its_own_after_an_answer() {
        String id = engine.startConversation("web", "").id();
        engine.handle(new ResidentMessage(id, "when is recycling collected"));
        BotReply reply = engine.handle(new ResidentMessage(id, "resident parking permit price"));
        assertThat(reply.citations()).containsExactly(PARKING.citation());
        assertThat(reply.why().query()).isEqualTo("resident parking permit price");
    }

    @Test
    void conversation_ids_are_long_and_unique() {
        String first = engine.startConversation("web", "").id();
        String second = engine.startConversation("web", "").id();
        assertThat(first).hasSizeGreaterThanOrEqualTo(22).isNotEqualTo(second);
    }

    @Test
    void refuses_to_build_without_a_store_naming_what_is_missing() {
        assertThatThrownBy(() -> ChatEngine.builder().council(COUNCIL).build())
                .isInstanceOf(CouncilbotException.class).hasMessageContaining("conversation store");
    }
}

package org.councilbot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The engine acts on the trained classifier's calibrated reading of a message. */
class LearnedUnderstandingTest {
    private static final CouncilProfile COUNCIL = new CouncilProfile("Testshire Council", "https://testshire.example",
            "01632 960000", "Monday to Friday, 9am to 5pm", "01632 960999", List.of());
    private static final ServiceDefinition DUMPING = new ServiceDefinition("ENV-07", "Env Crime", "", "", List.of(),
            List.of(new ServiceAttribute("what", AttributeDatatype.TEXT, true, "What has been dumped?", "", 1, true,
                    List.of())));
    private static final Passage LIBRARY = PageRetriever.page("https://testshire.example/library", "Libraries",
            "Libraries are open Monday to Saturday from 9am to 5pm.");
    private static final ServiceLinks LINKS = new ServiceLinks(List.of(new ServiceLink("ENV-07", "Env Crime",
            Optional.of("fly_tipping"), 0.9, "matched")), Map.of("fly_tipping", "fly_tipping"));

    /** A classifier that reads each known text as given, and everything else as a question. */
    private static MessageClassifier readings(Map<String, Map<String, Double>> known) {
        return text -> new MessageReading(known.getOrDefault(text, Map.of("question", 1.0)));
    }

    private static ChatEngine engine(MessageClassifier classifier) {
        return ChatEngine.builder()
                .store(new InMemoryConversationStore())
                .retriever(new PageRetriever(List.of(LIBRARY)))
                .council(COUNCIL)
                .serviceRequests(() -> List.of(DUMPING), new RecordingIntake())
                .messageClassifier(classifier, LINKS)
                .build();
    }

    private static BotReply say(ChatEngine engine, String text) {
        String conversation = engine.startConversation("web", "").id();
        return engine.handle(new ResidentMessage(conversation, text));
    }

    @Test
    void a_report_read_with_confidence_starts_the_linked_service_whatever_its_name() {
        ChatEngine engine = engine(readings(Map.of("some joker has left a sofa round the back of the garages",
                Map.of("report/fly_tipping", 0.85, "question", 0.15))));

        BotReply reply = say(engine, "some joker has left a sofa round the back of the garages");

        assertThat(reply.action()).isEqualTo(Action.FORM);
        assertThat(reply.form()).get().extracting(FormState::serviceCode).isEqualTo("ENV-07");
        assertThat(reply.why().reason()).contains("report/fly_tipping 0.85");
    }

    @Test
    void a_report_of_a_type_the_council_does_not_take_online_goes_to_the_pages() {
        ChatEngine engine = engine(readings(Map.of("rats in my garden", Map.of("report/pests", 0.9, "question", 0.1))));

        BotReply reply = say(engine, "rats in my garden");

        assertThat(reply.action()).isNotEqualTo(Action.FORM);
    }

    @Test
    void thanks_in_text_speak_is_smalltalk_when_read_so() {
        ChatEngine engine = engine(readings(Map.of("ta v much x", Map.of("thanks", 0.92, "question", 0.08))));

        BotReply reply = say(engine, "ta v much x");

        assertThat(reply.action()).isEqualTo(Action.SMALLTALK);
        assertThat(reply.why().intent()).isEqualTo("learned:thanks");
    }

    @Test
    void general_knowledge_is_declined_and_a_person_is_a_handoff() {
        ChatEngine engine = engine(readings(Map.of(
                "what is the capital of france", Map.of("general_knowledge", 0.8, "question", 0.2),
                "agent pls", Map.of("human", 0.7, "question", 0.3))));

        assertThat(say(engine, "what is the capital of france").action()).isEqualTo(Action.OUT_OF_SCOPE);
        assertThat(say(engine, "agent pls").action()).isEqualTo(Action.HANDOFF);
    }

    @Test
    void a_reading_below_the_act_floor_leaves_the_message_to_the_pages() {
        ChatEngine engine = engine(readings(Map.of("library hours", Map.of("general_knowledge", 0.45, "question", 0.4,
                "thanks", 0.15))));

        BotReply reply = say(engine, "library hours");

        assertThat(reply.action()).isEqualTo(Action.ANSWER);
    }

    @Test
    void a_risk_read_in_passing_gets_the_safeguarding_reply() {
        String text = "when are the libraries open, not that it matters, I've sorted my affairs and said goodbye";
        ChatEngine engine = engine(readings(Map.of(text, Map.of("safeguarding/self_harm", 0.6, "question", 0.4))));

        BotReply reply = say(engine, text);

        assertThat(reply.action()).isEqualTo(Action.SAFEGUARDING);
        assertThat(reply.why().intent()).isEqualTo("safeguarding:self_harm");
    }

    @Test
    void a_report_after_a_question_is_a_new_topic_and_a_fragment_is_a_follow_up() {
        ChatEngine engine = engine(readings(Map.of(
                "there's a mattress dumped on Mill Lane", Map.of("report/fly_tipping", 0.95, "question", 0.05),
                "and on sundays?", Map.of("general_knowledge", 0.9, "question", 0.1))));
        String conversation = engine.startConversation("web", "").id();
        engine.handle(new ResidentMessage(conversation, "when are the libraries open"));

        BotReply fragment = engine.handle(new ResidentMessage(conversation, "and on sundays?"));
        BotReply report = engine.handle(new ResidentMessage(conversation, "there's a mattress dumped on Mill Lane"));

        assertThat(fragment.action()).isNotEqualTo(Action.OUT_OF_SCOPE);
        assertThat(report.action()).isEqualTo(Action.FORM);
    }

    @Test
    void without_a_classifier_nothing_changes() {
        BotReply reply = say(engine(MessageClassifier.none()), "when are the libraries open");

        assertThat(reply.action()).isEqualTo(Action.ANSWER);
    }

    @Test
    void tuning_that_asks_more_certainty_of_a_risk_than_of_smalltalk_fails_naming_both_settings() {
        assertThatThrownBy(() -> new UnderstandingTuning(0.5, 0.7))
                .isInstanceOf(CouncilbotException.class)
                .hasMessageContaining("understanding.safeguarding-floor").hasMessageContaining("understanding.act-floor");
        assertThatThrownBy(() -> new UnderstandingTuning(0, 0.5)).hasMessageContaining("understanding.act-floor");
    }

    @Test
    void a_reading_pools_its_types_into_kinds() {
        MessageReading reading = new MessageReading(Map.of("report/pothole", 0.3, "report/pavement_defect", 0.3,
                "question", 0.4));

        assertThat(reading.topKind()).get().extracting(Map.Entry::getKey).isEqualTo("report");
        assertThat(reading.kind("report")).isEqualTo(0.6, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(reading.types("report")).containsOnlyKeys("pothole", "pavement_defect");
    }
}

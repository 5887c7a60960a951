package org.councilbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a resident says beside the form's question: a question about the service, or another report. */
class FormAsidesTest {
    private static final CouncilProfile COUNCIL = new CouncilProfile("Testshire Council", "https://testshire.example",
            "01632 960000", "Monday to Friday, 9am to 5pm", "01632 960999", List.of());
    private static final Passage FINES = PageRetriever.page("https://testshire.example/dog-fouling", "Dog fouling",
            "The fine for dog fouling is £100.");
    private static final List<ServiceDefinition> SERVICES = List.of(FormConversationTest.DOG_FOULING,
            FormConversationTest.LITTER_BIN);

    private final RecordingIntake intake = new RecordingIntake();
    private final ChatEngine engine = engine(List.of(FINES), 0.6);
    private final String conversation = engine.startConversation("web", "").id();

    @Test
    void a_question_the_pages_cannot_answer_alone_is_read_as_about_the_forms_service() {
        // Regression: "whats the fine for leaving it" during a dog fouling report was dont_know.
        String elsewhere = engine.startConversation("web", "").id();
        assertThat(engine.handle(new ResidentMessage(elsewhere, "whats the fine for leaving it?")).action())
                .isEqualTo(Action.DONT_KNOW);

        say("report dog fouling");
        BotReply aside = say("whats the fine for leaving it?");
        assertThat(aside.action()).isEqualTo(Action.ANSWER);
        assertThat(aside.text()).contains("£100").endsWith("Back to your report: Where is the dog fouling?");
        assertThat(aside.citations()).containsExactly(FINES.citation());
        assertThat(aside.form()).get().extracting(FormState::serviceCode).isEqualTo("dog-fouling");
    }

    @Test
    void a_question_pointing_at_the_report_is_answered_about_the_forms_service_first() {
        // given two pages that both say how long clearing takes
        Passage gritting = PageRetriever.page("https://testshire.example/gritting", "Gritting",
                "How long to clear the roads? We clear main roads within 4 hours of snow.");
        Passage fouling = PageRetriever.page("https://testshire.example/dog-fouling-clearance", "Dog fouling clearance",
                "We clear reported dog fouling within 3 working days.");
        ChatEngine engine = engine(List.of(gritting, fouling), 0.3);
        String id = engine.startConversation("web", "").id();
        engine.handle(new ResidentMessage(id, "report dog fouling"));

        // when
        BotReply aside = engine.handle(new ResidentMessage(id, "how long will it take you to clear it?"));

        // then
        assertThat(aside.citations()).containsExactly(fouling.citation());
        assertThat(aside.text()).contains("within 3 working days").contains("Back to your report");
    }

    @Test
    void offers_to_switch_when_another_report_is_asked_for_and_switches_on_yes() {
        // Regression: "actually I want to report dog fouling instead" was stored as the bin's location.
        say("report an overflowing litter bin");
        BotReply offer = say("actually I want to report dog fouling instead");
        assertThat(offer.text()).startsWith("Would you like to stop this report of overflowing litter bin and report "
                + "dog fouling instead?");
        assertThat(offer.quickReplies()).containsExactly("Yes, report dog fouling", "No, carry on");
        assertThat(offer.form().orElseThrow().answers()).isEmpty();

        BotReply switched = say("yes");
        assertThat(switched.text()).startsWith("OK, I've stopped your report of overflowing litter bin; nothing was sent.")
                .endsWith("Where is the dog fouling?");
        assertThat(switched.form()).get().extracting(FormState::serviceCode).isEqualTo("dog-fouling");
        assertThat(intake.accepted).isEmpty();
    }

    @Test
    void carries_on_with_the_same_report_when_the_resident_declines_the_switch() {
        say("report an overflowing litter bin");
        say("actually I want to report dog fouling instead");
        BotReply carryOn = say("no, carry on");
        assertThat(carryOn.text()).isEqualTo("OK, let's carry on. Where is the bin? Give a street name and nearby landmark.");
        BotReply next = say("outside the station");
        assertThat(next.form().orElseThrow().answers()).containsEntry("bin_location", List.of("outside the station"));
    }

    private BotReply say(String text) {
        return engine.handle(new ResidentMessage(conversation, text));
    }

    /** The dog fouling and litter bin forms over these pages, answering at or above {@code answerFloor}. */
    private ChatEngine engine(List<Passage> pages, double answerFloor) {
        return ChatEngine.builder()
                .store(new InMemoryConversationStore())
                .retriever(new PageRetriever(pages))
                .council(COUNCIL)
                .answerFloor(answerFloor)
                .intentMatcher(IntentMatcher.nearestExample(ServiceIntents.of(SERVICES), new WordHashEmbedder()))
                .intentThresholds(0.5, 0.05)
                .serviceRequests(() -> SERVICES, intake)
                .build();
    }
}

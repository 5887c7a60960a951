package org.councilbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A resident reports a problem through the form, from the catalogue's own questions. */
class ServiceRequestFormTest {
    private static final CouncilProfile COUNCIL = new CouncilProfile("Testshire Council", "https://testshire.example",
            "01632 960000", "Monday to Friday, 9am to 5pm", "01632 960999", List.of());
    private static final ServiceDefinition MISSED_BIN = new ServiceDefinition("missed-bin", "Missed bin collection",
            "Report a bin we did not collect.", "waste", List.of("bin not emptied"), List.of(
            new ServiceAttribute("note", AttributeDatatype.TEXT, false, "Please report within two working days.", "",
                    0, false, List.of()),
            new ServiceAttribute("bin_type", AttributeDatatype.SINGLEVALUELIST, true, "Which bin was missed?", "", 1,
                    true, List.of(new AttributeOption("blue", "Blue recycling bin"),
                    new AttributeOption("black", "Black general waste bin"),
                    new AttributeOption("brown", "Brown garden waste bin"))),
            new ServiceAttribute("collection_date", AttributeDatatype.DATETIME, true,
                    "When should it have been collected?", "", 2, true, List.of())));
    private static final Passage TIP = PageRetriever.page("https://testshire.example/tip", "Recycling centre",
            "The recycling centre is open every day from 8am to 6pm.");

    private final RecordingIntake intake = new RecordingIntake();
    private final ChatEngine engine = ChatEngine.builder()
            .store(new InMemoryConversationStore())
            .retriever(new PageRetriever(List.of(TIP)))
            .council(COUNCIL)
            .intentMatcher(IntentMatcher.nearestExample(ServiceIntents.of(List.of(MISSED_BIN)), new WordHashEmbedder()))
            .intentThresholds(0.5, 0.05)
            .serviceRequests(() -> List.of(MISSED_BIN), intake)
            .requestReferences(new Sequence())
            .clock(Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneId.of("Europe/London")))
            .build();
    private final String conversation = engine.startConversation("web", "").id();

    @Test
    void takes_a_report_from_start_to_the_councils_reference() {
        BotReply start = say("my bin was not emptied, I want to report a missed bin collection");
        assertThat(start.action()).isEqualTo(Action.FORM);
        assertThat(start.text()).contains("Please report within two working days.").endsWith("Which bin was missed?");
        assertThat(start.quickReplies()).contains("Blue recycling bin", "Black general waste bin", "Cancel report");
        assertThat(start.form()).get().extracting(FormState::serviceCode).isEqualTo("missed-bin");

        assertThat(say("the blue one").text()).isEqualTo("When should it have been collected? (You can say a date like yesterday, last Tuesday or 12 March.)");
        assertThat(say("yesterday morning").text()).startsWith("Where is it?");
        assertThat(say("12 Mill Lane, Testshire TS1 2AB").text()).startsWith("Is there anything else");
        assertThat(say("skip").text()).startsWith("If you'd like a confirmation");
        assertThat(say("jo@example.com").text()).isEqualTo("May the council contact you about this report?");
        BotReply summary = say("yes");
        assertThat(summary.text()).contains("- Which bin was missed: Blue recycling bin")
                .contains("- When should it have been collected: Monday 23 November 2026, 9:00am")
                .contains("- Where: 12 Mill Lane, Testshire TS1 2AB")
                .contains("jo@example.com").endsWith("Shall I send it to the council?");
        assertThat(summary.form()).get().extracting(FormState::stage).isEqualTo(FormState.Stage.CONFIRMING);

        BotReply sent = say("yes please");
        assertThat(sent.text()).contains("Your reference is TS-1001");
        assertThat(sent.form()).get().extracting(FormState::stage).isEqualTo(FormState.Stage.SUBMITTED);
        ServiceRequest request = intake.accepted.get(0);
        assertThat(request.serviceCode()).isEqualTo("missed-bin");
        assertThat(request.answers()).isEqualTo(Map.of("bin_type", List.of("blue"),
                "collection_date", List.of("2026-11-23T09:00")));
        assertThat(request.location().postcode()).isEqualTo("TS1 2AB");
        assertThat(request.contact().email()).isEqualTo("jo@example.com");
        assertThat(request.contact().consentToContact()).isTrue();
        assertThat(request.reference()).isEqualTo("CB-TEST-1");
        assertThat(request.conversationId()).isEqualTo(conversation);
    }

    @Test
    void answers_a_question_about_a_service_and_offers_its_form_instead_of_starting_it() {
        // "and X?" and "how long..." ask to know something, not to report it.
        for (String question : List.of("how long do I have to report a missed bin collection?",
                "and missed bin collection?")) {
            BotReply reply = engine.handle(new ResidentMessage(engine.startConversation("web", "").id(), question));
            assertThat(reply.action()).as(question).isNotEqualTo(Action.FORM);
            assertThat(reply.form()).as(question).isEmpty();
        }
    }

    @Test
    void re_asks_with_the_reason_when_an_answer_does_not_fit() {
        say("report a missed bin collection");
        BotReply wrongBin = say("purple");
        assertThat(wrongBin.text()).startsWith("Please choose one of: Blue recycling bin").endsWith("Which bin was missed?");
        say("black");
        assertThat(say("a while back").text()).startsWith("I couldn't tell which day that was.");
    }

    @Test
    void answers_a_question_in_the_middle_and_then_asks_again() {
        say("report a missed bin collection");
        BotReply aside = say("what time is the recycling centre open?");
        assertThat(aside.action()).isEqualTo(Action.ANSWER);
        assertThat(aside.text()).contains("8am to 6pm").endsWith("Back to your report: Which bin was missed?");
        assertThat(aside.form()).get().extracting(FormState::isOpen).isEqualTo(true);
        assertThat(say("brown").text()).isEqualTo("When should it have been collected? (You can say a date like yesterday, last Tuesday or 12 March.)");
    }

    @Test
    void lets_the_resident_change_an_answer_before_sending() {
        say("report a missed bin collection");
        say("blue");
        say("today");
        say("Town Hall, Market Street");
        say("no");
        say("skip");
        assertThat(say("change which bin was missed").text()).contains("Which bin was missed?");
        BotReply summary = say("black");
        assertThat(summary.text()).contains("Black general waste bin").doesNotContain("Blue recycling bin");
        assertThat(summary.text()).doesNotContain("contact you");
    }

    @Test
    void refuses_to_skip_a_required_question_and_cancels_on_request() {
        say("report a missed bin collection");
        assertThat(say("skip").text()).startsWith("This one is needed for the report.");
        BotReply cancelled = say("cancel");
        assertThat(cancelled.text()).contains("cancelled").contains("Nothing was sent");
        assertThat(cancelled.form()).get().extracting(FormState::stage).isEqualTo(FormState.Stage.CANCELLED);
        assertThat(say("what time is the recycling centre open").action()).isEqualTo(Action.ANSWER);
        assertThat(intake.accepted).isEmpty();
    }

    @Test
    void tells_the_resident_honestly_when_the_council_system_is_down() {
        intake.councilDown = true;
        for (String answer : List.of("report a missed bin collection", "blue", "today", "Mill Lane", "skip", "skip")) {
            say(answer);
        }
        BotReply sent = say("yes");
        assertThat(sent.text()).contains("saved (reference CB-TEST-1)").contains("passed on shortly");
        assertThat(intake.accepted).hasSize(1);
    }

    @Test
    void screens_for_safeguarding_even_in_the_middle_of_a_form_and_keeps_the_form() {
        say("report a missed bin collection");
        BotReply reply = say("my partner hits me and I'm scared to go home");
        assertThat(reply.action()).isEqualTo(Action.SAFEGUARDING);
        assertThat(reply.form()).get().extracting(FormState::isOpen).isEqualTo(true);
    }

    private BotReply say(String text) {
        return engine.handle(new ResidentMessage(conversation, text));
    }

    /** Predictable request references. */
    private static final class Sequence implements java.util.function.Supplier<String> {
        private final List<String> issued = new ArrayList<>();

        @Override
        public String get() {
            String reference = "CB-TEST-" + (issued.size() + 1);
            issued.add(reference);
            return reference;
        }
    }
}

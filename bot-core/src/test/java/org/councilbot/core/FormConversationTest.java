package org.councilbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a form copes with the way residents really answer: corrections, changes, cancelling, asides. */
class FormConversationTest {
    private static final CouncilProfile COUNCIL = new CouncilProfile("Testshire Council", "https://testshire.example",
            "01632 960000", "Monday to Friday, 9am to 5pm", "01632 960999", List.of());
    private static final List<AttributeOption> YES_NO = List.of(new AttributeOption("yes", "Yes"),
            new AttributeOption("no", "No"));
    static final ServiceDefinition DOG_FOULING = new ServiceDefinition("dog-fouling", "Dog fouling",
            "Report dog mess.", "street", List.of("dog mess"), List.of(
            new ServiceAttribute("location_type", AttributeDatatype.SINGLEVALUELIST, true, "Where is the dog fouling?",
                    "", 1, true, List.of(new AttributeOption("pavement", "Pavement or road"),
                    new AttributeOption("park", "Park or playing field"),
                    new AttributeOption("play_area", "Children's play area"))),
            new ServiceAttribute("regular_problem", AttributeDatatype.SINGLEVALUELIST, true,
                    "Is this a regular problem at this location?", "", 2, true, YES_NO),
            new ServiceAttribute("hazardous", AttributeDatatype.SINGLEVALUELIST, false, "Does it look dangerous?", "",
                    3, true, List.of(new AttributeOption("yes", "Yes"), new AttributeOption("no", "No"),
                    new AttributeOption("not_sure", "Not sure")))));
    static final ServiceDefinition STREET_LIGHT = new ServiceDefinition("street-light", "Street light fault",
            "Report a street light.", "roads", List.of("street light"), List.of(
            new ServiceAttribute("column_number", AttributeDatatype.STRING, false,
                    "What is the number shown on the lamp post?", "", 1, true, List.of()),
            new ServiceAttribute("fault_type", AttributeDatatype.SINGLEVALUELIST, true, "What is wrong with the light?",
                    "", 2, true, List.of(new AttributeOption("out", "Light is out"),
                    new AttributeOption("day_burning", "On during the day"),
                    new AttributeOption("flickering", "Flickering or going on and off"))),
            new ServiceAttribute("lights_affected", AttributeDatatype.NUMBER, false,
                    "How many lights in a row are affected?", "", 3, true, List.of()),
            new ServiceAttribute("details", AttributeDatatype.TEXT, false, "Anything else we should know?", "", 4,
                    true, List.of())));
    static final ServiceDefinition LITTER_BIN = new ServiceDefinition("litter-bin", "Overflowing litter bin",
            "Report a full litter bin.", "street", List.of("litter bin"), List.of(
            new ServiceAttribute("bin_location", AttributeDatatype.STRING, true,
                    "Where is the bin? Give a street name and nearby landmark.", "", 1, true, List.of())));
    static final ServiceDefinition POTHOLE = new ServiceDefinition("pothole", "Pothole", "Report a pothole.", "roads",
            List.of("pothole"), List.of(
            new ServiceAttribute("depth_mm", AttributeDatatype.NUMBER, false,
                    "Roughly how deep is the pothole, in millimetres?", "", 1, true, List.of())));
    private static final List<ServiceDefinition> SERVICES = List.of(DOG_FOULING, STREET_LIGHT, LITTER_BIN, POTHOLE);

    private final RecordingIntake intake = new RecordingIntake();
    private final ChatEngine engine = ChatEngine.builder()
            .store(new InMemoryConversationStore())
            .retriever(new PageRetriever(List.of(PageRetriever.page("https://testshire.example/tip", "Recycling centre",
                    "The recycling centre is open every day from 8am to 6pm."))))
            .council(COUNCIL)
            .intentMatcher(IntentMatcher.nearestExample(ServiceIntents.of(SERVICES), new WordHashEmbedder()))
            .intentThresholds(0.5, 0.05)
            .serviceRequests(() -> SERVICES, intake)
            .clock(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneId.of("Europe/London")))
            .build();
    private final String conversation = engine.startConversation("web", "").id();

    @Test
    void no_and_not_sure_answer_a_lists_yes_no_and_not_sure_options() {
        // Regression: "no" and "not sure" were skip words, so a required question looped and an optional one was skipped.
        say("report dog fouling");
        say("park");
        BotReply no = say("no, not usually");
        assertThat(answers(no)).containsEntry("regular_problem", List.of("no"));
        BotReply notSure = say("not sure");
        assertThat(answers(notSure)).containsEntry("hazardous", List.of("not_sure"));
    }

    @Test
    void an_unsure_answer_to_a_required_yes_no_question_is_asked_again() {
        say("report dog fouling");
        say("park");
        BotReply reply = say("no idea");
        assertThat(reply.text()).startsWith("This one is needed for the report").endsWith("at this location?");
        assertThat(answers(reply)).doesNotContainKey("regular_problem");
    }

    @Test
    void cancels_when_asked_anywhere_in_the_message() {
        // Regression: only a message starting with the cancel word cancelled.
        say("report dog fouling");
        BotReply cancelled = say("actually cancel that, my neighbour already reported it");
        assertThat(cancelled.text()).contains("cancelled");
        assertThat(cancelled.form()).get().extracting(FormState::stage).isEqualTo(FormState.Stage.CANCELLED);
        assertThat(intake.accepted).isEmpty();
    }

    @Test
    void cancels_at_the_summary_even_when_the_message_starts_with_no() {
        // Regression: at the summary "no, ..." was read as "change something".
        completeLitterBin();
        BotReply cancelled = say("no, don't send it. cancel please");
        assertThat(cancelled.text()).contains("cancelled");
        assertThat(intake.accepted).isEmpty();
    }

    @Test
    void sends_when_told_not_to_cancel() {
        completeLitterBin();
        BotReply sent = say("don't cancel it, send it");
        assertThat(sent.text()).contains("Your reference is");
        assertThat(intake.accepted).hasSize(1);
    }

    @Test
    void a_correction_of_an_earlier_list_answer_changes_it_and_asks_the_current_question_again() {
        // Regression: the correction was read as the answer to the current question.
        say("report dog fouling");
        say("park");
        BotReply corrected = say("sorry its actually in the kids play area not the park");
        assertThat(answers(corrected)).containsEntry("location_type", List.of("play_area"))
                .doesNotContainKey("regular_problem");
        assertThat(corrected.text()).startsWith("OK, I've changed \"Where is the dog fouling\" to Children's play area.")
                .endsWith("Is this a regular problem at this location?");
    }

    @Test
    void go_back_with_a_value_corrects_and_without_one_steps_back() {
        say("the street light is broken, report it");
        say("no idea");
        say("on during the day");
        BotReply corrected = say("go back, i think its actually flickering");
        assertThat(answers(corrected)).containsEntry("fault_type", List.of("flickering"));
        assertThat(corrected.text()).endsWith("How many lights in a row are affected?");

        BotReply back = say("go back");
        assertThat(back.text()).isEqualTo("OK, back a step. What is wrong with the light?");
        BotReply again = say("light is out");
        assertThat(answers(again)).containsEntry("fault_type", List.of("out"));
        assertThat(again.text()).isEqualTo("How many lights in a row are affected?");
    }

    @Test
    void reads_numbers_in_words_and_converts_units() {
        say("the street light is broken, report it");
        say("skip");
        say("its gone out completely");
        assertThat(answers(say("three in a row"))).containsEntry("lights_affected", List.of("3"));

        String other = engine.startConversation("web", "").id();
        engine.handle(new ResidentMessage(other, "report a pothole"));
        BotReply depth = engine.handle(new ResidentMessage(other, "about 5cm deep"));
        assertThat(depth.form().orElseThrow().answers()).containsEntry("depth_mm", List.of("50"));
    }

    @Test
    void changes_an_answer_at_the_summary_named_by_its_words_or_the_usual_words_for_it() {
        // Regression: only the field's code or exact label worked ("change the address" did not).
        completeLitterBin();
        BotReply asked = say("i put the wrong house number");
        assertThat(asked.text()).startsWith("OK, let's change that. What's the address");
        BotReply summary = say("14 Elm Road");
        assertThat(summary.text()).contains("- Address: 14 Elm Road").endsWith("Shall I send it to the council?");

        BotReply changedAtOnce = say("change the address to 16 Elm Road");
        assertThat(changedAtOnce.text()).contains("- Address: 16 Elm Road").endsWith("Shall I send it to the council?");
        BotReply houseNumber = say("sorry the house number is wrong, it's 18");
        assertThat(houseNumber.text()).contains("- Address: 18 Elm Road");

        BotReply where = say("can I change where the bin is");
        assertThat(where.text()).contains("Where is the bin?");
    }

    @Test
    void a_label_tapped_after_change_something_asks_that_question_again() {
        completeLitterBin();
        BotReply which = say("Change something");
        assertThat(which.text()).isEqualTo("Which answer would you like to change?");
        assertThat(which.quickReplies()).contains("Where is the bin", "Address");
        assertThat(say("Address").text()).startsWith("OK, let's change that. What's the address");
    }

    @Test
    void free_text_that_sounds_like_a_command_is_kept_as_the_answer() {
        completeLitterBinTo("12 Elm Road");
        BotReply details = say("actually the wrong bin was emptied, the one at the back of the house");
        assertThat(answers(details)).containsEntry("details",
                List.of("actually the wrong bin was emptied, the one at the back of the house"));

        String other = engine.startConversation("web", "").id();
        engine.handle(new ResidentMessage(other, "report an overflowing litter bin"));
        BotReply where = engine.handle(new ResidentMessage(other, "back of the library"));
        assertThat(where.form().orElseThrow().namedAnswers()).containsEntry("bin_location", List.of("back of the library"));
    }

    @Test
    void answers_a_question_typed_without_a_question_mark() {
        // Regression: "how long..." without "?" was re-prompted as a wrong answer.
        say("report dog fouling");
        BotReply aside = say("what time is the recycling centre open");
        assertThat(aside.action()).isEqualTo(Action.ANSWER);
        assertThat(aside.text()).contains("8am to 6pm").endsWith("Back to your report: Where is the dog fouling?");
    }

    @Test
    void a_catalogue_details_attribute_keeps_its_answer_and_the_standard_question_is_not_asked_twice() {
        // Regression: the standard "details" question was silently skipped, and the answer went to the description.
        say("the street light is broken, report it");
        say("it says 47 on it");
        say("flickering");
        say("1");
        BotReply where = say("it's been like this for a week");
        assertThat(where.text()).startsWith("Where is it?");
        BotReply contact = say("outside 31 School Lane");
        assertThat(contact.text()).startsWith("If you'd like a confirmation");
        BotReply summary = say("skip");
        assertThat(summary.text()).containsOnlyOnce("Anything else").contains("- Where: outside 31 School Lane");
        say("yes");

        ServiceRequest request = intake.accepted.get(0);
        assertThat(request.answers()).containsEntry("details", List.of("it's been like this for a week"))
                .containsEntry("column_number", List.of("it says 47 on it"));
        assertThat(request.description()).isEqualTo("it's been like this for a week");
        assertThat(request.location().description()).isEqualTo("outside 31 School Lane");
    }

    @Test
    void the_standard_where_question_asks_for_the_address_after_an_attribute_asked_where() {
        say("report an overflowing litter bin");
        BotReply next = say("outside Greggs on Market Street");
        assertThat(next.text()).startsWith("What's the address or nearest street?");
    }

    @Test
    void free_text_that_says_there_is_nothing_to_give_is_a_skip() {
        // Regression: "there arent any plates on it" was stored as a registration, "no thats all" as details.
        say("the street light is broken, report it");
        BotReply skipped = say("there isnt a number on it");
        assertThat(answers(skipped)).containsEntry("column_number", List.of());

        String other = engine.startConversation("web", "").id();
        for (String answer : List.of("report an overflowing litter bin", "outside Greggs on Market Street",
                "Market Street")) {
            engine.handle(new ResidentMessage(other, answer));
        }
        BotReply nothingMore = engine.handle(new ResidentMessage(other, "no thats all thanks"));
        assertThat(answers(nothingMore)).containsEntry("details", List.of());
    }

    @Test
    void yes_is_no_place_and_no_thats_all_skips_an_optional_contact() {
        say("report an overflowing litter bin");
        say("outside Greggs on Market Street");
        BotReply notAPlace = say("yes please");
        assertThat(notAPlace.text()).startsWith("Please say where it is");
        say("12 Elm Road");
        say("skip");
        BotReply summary = say("no thats all");
        assertThat(summary.form()).get().extracting(FormState::stage).isEqualTo(FormState.Stage.CONFIRMING);
        assertThat(answers(summary)).containsEntry("contact", List.of());
    }

    private void completeLitterBinTo(String address) {
        say("report an overflowing litter bin");
        say("outside Greggs on Market Street");
        assertThat(say(address).text()).startsWith("Is there anything else");
    }

    private void completeLitterBin() {
        completeLitterBinTo("12 Elm Road");
        say("skip");
        BotReply summary = say("skip");
        assertThat(summary.form()).get().extracting(FormState::stage).isEqualTo(FormState.Stage.CONFIRMING);
    }

    private static Map<String, List<String>> answers(BotReply reply) {
        return reply.form().orElseThrow().namedAnswers();
    }

    private BotReply say(String text) {
        return engine.handle(new ResidentMessage(conversation, text));
    }
}

package org.councilbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The where question with a postcode: the council's addresses there are offered and one is picked. */
class AddressPickingTest {
    private static final CouncilProfile COUNCIL = new CouncilProfile("Testshire Council", "https://testshire.example",
            "01632 960000", "Monday to Friday, 9am to 5pm", "01632 960999", List.of());
    private static final List<ServiceDefinition> SERVICES = List.of(FormConversationTest.POTHOLE);

    private final InMemoryConversationStore store = new InMemoryConversationStore();
    private final RecordingIntake intake = new RecordingIntake();
    private final FakeAddressDirectory directory = new FakeAddressDirectory()
            .street("TS1 2AB", "Elm Road", 1, 2, 3)
            .street("TS2 9ZZ", "Long Street", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 16);
    private final ChatEngine engine = engine();
    private final String conversation = engine.startConversation("web", "").id();

    private ChatEngine engine() {
        return ChatEngine.builder()
                .store(store)
                .retriever(new PageRetriever(List.of()))
                .council(COUNCIL)
                .intentMatcher(IntentMatcher.nearestExample(ServiceIntents.of(SERVICES), new WordHashEmbedder()))
                .intentThresholds(0.5, 0.05)
                .serviceRequests(() -> SERVICES, intake)
                .addresses(directory)
                .clock(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneId.of("Europe/London")))
                .build();
    }

    @Test
    void offers_the_addresses_at_a_postcode_and_sends_the_one_picked() {
        toWhereQuestion();
        BotReply offered = say("it's TS1 2AB");
        assertThat(offered.action()).isEqualTo(Action.FORM);
        assertThat(offered.text()).startsWith("I found these addresses at TS1 2AB:\n1. 1 Elm Road, Testshire, TS1 2AB\n"
                + "2. 2 Elm Road, Testshire, TS1 2AB\n3. 3 Elm Road, Testshire, TS1 2AB\nWhich one is it?");
        assertThat(offered.quickReplies()).containsExactly("1 Elm Road, Testshire, TS1 2AB",
                "2 Elm Road, Testshire, TS1 2AB", "3 Elm Road, Testshire, TS1 2AB", AddressPicker.NOT_LISTED,
                ServiceRequestForms.CANCEL);
        assertThat(offered.form().orElseThrow().addressChoice()).get()
                .extracting(FormState.AddressChoice::postcode).isEqualTo("TS1 2AB");

        // Picked after a restart: what was offered travels with the stored reply.
        String next = engine().handle(new ResidentMessage(conversation, "3")).text();
        assertThat(next).startsWith("Thanks, I've got 3 Elm Road, Testshire, TS1 2AB. Is there anything else");
        say("skip");
        say("skip");
        say("yes");

        RequestLocation location = intake.accepted.get(0).location();
        assertThat(location).isEqualTo(new RequestLocation("3 Elm Road, Testshire, TS1 2AB", "TS1 2AB", "1003",
                Optional.of(new GeoPoint(52.003, -1.5))));
    }

    @Test
    void a_question_asked_while_picking_is_answered_and_the_addresses_offered_again() {
        toWhereQuestion();
        say("TS1 2AB");
        BotReply aside = say("why do you need my address?");
        assertThat(aside.text()).contains("Back to your report: I found these addresses at TS1 2AB:");
        assertThat(aside.quickReplies()).contains("1 Elm Road, Testshire, TS1 2AB", AddressPicker.NOT_LISTED);
        assertThat(say("1").text()).startsWith("Thanks, I've got 1 Elm Road, Testshire, TS1 2AB.");
    }

    @Test
    void narrows_a_long_list_by_house_number_first() {
        toWhereQuestion();
        BotReply asked = say("TS2 9ZZ");
        assertThat(asked.text()).isEqualTo("There are 14 addresses at TS2 9ZZ. What's the house number or name?");
        assertThat(asked.quickReplies()).contains(AddressPicker.NOT_LISTED);
        BotReply picked = say("number 14");
        assertThat(picked.text()).startsWith("Thanks, I've got 14 Long Street, Testshire, TS2 9ZZ.");
        assertThat(picked.form().orElseThrow().namedAnswers().get("location"))
                .containsExactly("14 Long Street, Testshire, TS2 9ZZ", "TS2 9ZZ", "1014");
    }

    @Test
    void picks_at_once_when_the_house_number_comes_with_the_postcode() {
        toWhereQuestion();
        BotReply picked = say("2 Elm Road TS1 2AB");
        assertThat(picked.text()).startsWith("Thanks, I've got 2 Elm Road, Testshire, TS1 2AB.");
    }

    @Test
    void a_place_not_listed_is_described_in_words_and_keeps_the_postcode() {
        toWhereQuestion();
        say("TS1 2AB");
        BotReply describe = say("none of these");
        assertThat(describe.text()).startsWith("No problem. Please describe where it is");
        BotReply next = say("in the road by the bus shelter");
        assertThat(next.form().orElseThrow().namedAnswers().get("location"))
                .containsExactly("in the road by the bus shelter", "TS1 2AB");

        String other = engine.startConversation("web", "").id();
        for (String answer : List.of("report a pothole", "skip", "TS1 2AB")) {
            engine.handle(new ResidentMessage(other, answer));
        }
        BotReply described = engine.handle(new ResidentMessage(other, "it's not listed, it's in the road by the shelter"));
        assertThat(described.form().orElseThrow().namedAnswers().get("location"))
                .containsExactly("in the road by the shelter", "TS1 2AB");
    }

    @Test
    void a_description_without_a_postcode_is_taken_as_it_is() {
        toWhereQuestion();
        BotReply next = say("outside the Co-op on Elm Road");
        assertThat(next.text()).startsWith("Is there anything else");
        assertThat(next.form().orElseThrow().namedAnswers().get("location")).containsExactly("outside the Co-op on Elm Road", "");
        assertThat(directory.asked).isEmpty();
    }

    @Test
    void says_when_the_directory_is_down_and_takes_a_description() {
        directory.down = true;
        toWhereQuestion();
        BotReply asked = say("TS1 2AB");
        assertThat(asked.text()).startsWith("I can't look up addresses just now. Please describe the place in words");
        BotReply next = say("opposite number 4");
        assertThat(next.form().orElseThrow().namedAnswers().get("location")).containsExactly("opposite number 4", "TS1 2AB");

        String other = engine.startConversation("web", "").id();
        for (String answer : List.of("report a pothole", "skip")) {
            engine.handle(new ResidentMessage(other, answer));
        }
        BotReply accepted = engine.handle(new ResidentMessage(other, "outside 4 Elm Road TS1 2AB"));
        assertThat(accepted.text()).startsWith("I can't check addresses just now, so I've noted the place as you gave it.");
        assertThat(accepted.form().orElseThrow().namedAnswers().get("location"))
                .containsExactly("outside 4 Elm Road TS1 2AB", "TS1 2AB");
    }

    @Test
    void says_when_there_are_no_addresses_at_a_postcode() {
        toWhereQuestion();
        BotReply none = say("TS9 9XX");
        assertThat(none.text()).startsWith("I couldn't find any addresses at TS9 9XX. Please check the postcode");
        BotReply offered = say("TS1 2AB");
        assertThat(offered.text()).startsWith("I found these addresses at TS1 2AB:");
    }

    @Test
    void without_a_directory_a_postcode_is_part_of_the_description() {
        ChatEngine noDirectory = ChatEngine.builder().store(store).retriever(new PageRetriever(List.of())).council(COUNCIL)
                .intentMatcher(IntentMatcher.nearestExample(ServiceIntents.of(SERVICES), new WordHashEmbedder()))
                .intentThresholds(0.5, 0.05).serviceRequests(() -> SERVICES, intake)
                .addresses(AddressDirectory.none()).build();
        String id = noDirectory.startConversation("web", "").id();
        noDirectory.handle(new ResidentMessage(id, "report a pothole"));
        noDirectory.handle(new ResidentMessage(id, "skip"));
        BotReply next = noDirectory.handle(new ResidentMessage(id, "4 Elm Road TS1 2AB"));
        assertThat(next.form().orElseThrow().namedAnswers().get("location")).containsExactly("4 Elm Road TS1 2AB", "TS1 2AB");
        assertThat(directory.asked).isEmpty();
    }

    private void toWhereQuestion() {
        say("report a pothole");
        assertThat(say("skip").text()).startsWith("Where is it?");
    }

    private BotReply say(String text) {
        return engine.handle(new ResidentMessage(conversation, text));
    }
}

package org.councilbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FirstMessageAnswersTest {
    private static final ServiceDefinition FLY_TIPPING = new ServiceDefinition("fly-tipping", "Fly-tipping", "", "",
            List.of(), List.of(
            new ServiceAttribute("waste_type", AttributeDatatype.MULTIVALUELIST, true, "What kind of waste?", "", 1, true,
                    List.of(new AttributeOption("bags", "Bags of household rubbish"),
                            new AttributeOption("furniture", "Furniture or mattresses"),
                            new AttributeOption("other", "Something else"))),
            new ServiceAttribute("hazardous", AttributeDatatype.SINGLEVALUELIST, true, "Does it look dangerous?", "", 2,
                    true, List.of(new AttributeOption("yes", "Yes"), new AttributeOption("no", "No"),
                    new AttributeOption("unsure", "Not sure")))));
    private static final ServiceDefinition MISSED_BIN = new ServiceDefinition("missed", "Missed bin", "", "", List.of(),
            List.of(new ServiceAttribute("bin", AttributeDatatype.SINGLEVALUELIST, true, "Which bin?", "", 1, true,
                    List.of(new AttributeOption("blue", "Blue recycling bin"),
                            new AttributeOption("black", "Black general waste bin")))));
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 8);

    @Test
    void takes_the_kind_of_waste_and_the_street_from_the_report() {
        Map<String, List<String>> given = FirstMessageAnswers.of(FormFields.of(FLY_TIPPING),
                "There's a mattress dumped on Mill Lane", TODAY);

        assertThat(given).containsEntry("waste_type", List.of("furniture"));
        assertThat(given.get(FormFields.LOCATION).get(0)).isEqualTo("Mill Lane");
        assertThat(given).doesNotContainKey("hazardous");
    }

    @Test
    void no_in_front_of_another_word_names_no_option() {
        ServiceDefinition vehicle = new ServiceDefinition("av", "Abandoned vehicle", "", "", List.of(), List.of(
                new ServiceAttribute("condition", AttributeDatatype.MULTIVALUELIST, true, "Condition?", "", 1, true,
                        List.of(new AttributeOption("flat", "Flat tyres"), new AttributeOption("plates", "No number plates")))));

        assertThat(FirstMessageAnswers.of(FormFields.of(vehicle), "car parked for weeks with no tax", TODAY))
                .doesNotContainKey("condition");
    }

    @Test
    void a_question_about_the_councils_work_mid_form_is_not_a_change_of_answer() {
        ChatEngine engine = flyTippingEngine(List.of(PageRetriever.page("https://testshire.example/potholes",
                "Potholes", "We fix dangerous potholes within 24 hours.")));
        String conversation = engine.startConversation("web", "").id();
        engine.handle(new ResidentMessage(conversation, "fly-tipping: a mattress dumped on Mill Lane"));

        BotReply aside = engine.handle(new ResidentMessage(conversation, "how quickly do you fix dangerous potholes?"));

        assertThat(aside.text()).doesNotContain("let's change").contains("Back to your report");
    }

    @Test
    void a_word_every_option_shares_names_none_of_them() {
        Map<String, List<String>> given = FirstMessageAnswers.of(FormFields.of(MISSED_BIN), "my bin wasn't emptied", TODAY);

        assertThat(given).isEmpty();
    }

    @Test
    void reads_streets_as_residents_type_them_and_leaves_vague_places_alone() {
        assertThat(FirstMessageAnswers.place("sofa dumped round the back of the garages on elm road")).contains("elm road");
        assertThat(FirstMessageAnswers.place("street light outside 42 Carr Bank Avenue is flickering"))
                .contains("42 Carr Bank Avenue");
        assertThat(FirstMessageAnswers.place("rubbish in the middle of the road")).isEmpty();
        assertThat(FirstMessageAnswers.place("bags dumped near TS1 2AB")).contains("TS1 2AB");
        assertThat(FirstMessageAnswers.place("dog bin by the park gate is broken")).isEmpty();
        assertThat(FirstMessageAnswers.place("glass all over the path by Carr Bank")).contains("Carr Bank");
    }

    @Test
    void the_form_says_back_what_it_took_and_asks_only_for_the_rest() {
        ChatEngine engine = flyTippingEngine(List.of());
        String conversation = engine.startConversation("web", "").id();

        BotReply reply = engine.handle(new ResidentMessage(conversation, "fly-tipping: a mattress dumped on Mill Lane"));

        assertThat(reply.action()).isEqualTo(Action.FORM);
        assertThat(reply.text()).contains("I've noted").contains("Furniture or mattresses").contains("Mill Lane")
                .endsWith("Does it look dangerous?");
    }

    private static ChatEngine flyTippingEngine(List<Passage> pages) {
        return ChatEngine.builder()
                .store(new InMemoryConversationStore())
                .retriever(new PageRetriever(pages))
                .council(new CouncilProfile("Testshire Council", "https://testshire.example", "01632 960000",
                        "9 to 5", "01632 960999", List.of()))
                .intentMatcher(IntentMatcher.nearestExample(ServiceIntents.of(List.of(FLY_TIPPING)), new WordHashEmbedder()))
                .intentThresholds(0.3, 0.05)
                .serviceRequests(() -> List.of(FLY_TIPPING), new RecordingIntake())
                .build();
    }
}

package org.councilbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How configured intents steer the engine: refusals, people-only topics and asking which was meant. */
class ConfiguredIntentsTest {
    private static final CouncilProfile COUNCIL = new CouncilProfile("Testshire Council", "https://testshire.example",
            "01632 960000", "Monday to Friday, 9am to 5pm", "01632 960999", List.of());
    private static final Passage ELECTIONS = PageRetriever.page("https://testshire.example/elections",
            "Elections", "Polling stations open at 7am on election day. Candidates are listed on our website.");
    private static final Passage BINS = PageRetriever.page("https://testshire.example/bins",
            "Bin collections", "Bins are collected every Monday. Report a missed bin within two days.");

    private static final IntentDefinition POLITICS = new IntentDefinition("political_opinion", Action.OUT_OF_SCOPE,
            "Political opinions", List.of("who should I vote for in the election", "which candidate is best"), "",
            "I can't give opinions on candidates or parties.", true);
    private static final IntentDefinition NATIONAL = new IntentDefinition("national_services", Action.OUT_OF_SCOPE,
            "Passports and national services", List.of("renew my passport", "passport application"), "",
            "Passports are dealt with by HM Passport Office on GOV.UK.", false);
    private static final IntentDefinition COMPLAINT = new IntentDefinition("complain_about_staff", Action.HANDOFF,
            "Complain about a member of staff", List.of("complain about a rude member of staff"), "",
            "A person will look into your complaint.", false);
    private static final IntentDefinition MISSED_BIN = new IntentDefinition("report_missed_bin", Action.FORM,
            "Report a missed bin", List.of("report missed bin collection"), "missed-bin", "", false);
    private static final IntentDefinition ASSISTED = new IntentDefinition("assisted_collection", Action.HANDOFF,
            "Ask for an assisted bin collection", List.of("assisted bin collection help"), "", "", false);

    private final ChatEngine engine = ChatEngine.builder()
            .store(new InMemoryConversationStore())
            .retriever(new PageRetriever(List.of(ELECTIONS, BINS)))
            .council(COUNCIL)
            .intentMatcher(IntentMatcher.nearestExample(List.of(POLITICS, NATIONAL, COMPLAINT, MISSED_BIN, ASSISTED),
                    new WordHashEmbedder()))
            .intentThresholds(0.5, 0.05)
            .build();

    @Test
    void refuses_political_opinions_even_where_a_page_matches() {
        BotReply reply = ask("who should I vote for in the election");
        assertThat(reply.action()).isEqualTo(Action.OUT_OF_SCOPE);
        assertThat(reply.text()).startsWith("I can't give opinions").contains("Testshire Council services");
        assertThat(reply.why().intent()).isEqualTo("political_opinion");
    }

    @Test
    void declines_a_national_service_the_councils_pages_do_not_cover() {
        BotReply reply = ask("how do I renew my passport");
        assertThat(reply.action()).isEqualTo(Action.OUT_OF_SCOPE);
        assertThat(reply.text()).contains("HM Passport Office");
    }

    @Test
    void answers_from_the_pages_when_a_page_about_it_covers_a_question_near_a_non_overriding_intent() {
        IntentDefinition elections = new IntentDefinition("national_services", Action.OUT_OF_SCOPE, "National",
                List.of("polling station maps"), "", "", false);
        Passage pollingStations = new Passage("https://testshire.example/elections#2", "https://testshire.example/elections",
                "Elections", List.of("Elections", "Polling stations"), "test",
                "Polling stations open at 7am on election day.", 0, 0);
        ChatEngine withPages = ChatEngine.builder().store(new InMemoryConversationStore())
                .retriever(new PageRetriever(List.of(pollingStations))).council(COUNCIL)
                .intentMatcher(IntentMatcher.nearestExample(List.of(elections), new WordHashEmbedder())).build();
        String id = withPages.startConversation("web", "").id();
        assertThat(withPages.handle(new ResidentMessage(id, "when do polling stations open")).action())
                .isEqualTo(Action.ANSWER);
    }

    @Test
    void declines_a_question_near_a_non_council_topic_that_a_page_only_mentions_in_passing() {
        IntentDefinition pensions = new IntentDefinition("national_services", Action.OUT_OF_SCOPE, "National",
                List.of("when is my state pension paid"), "", "The Pension Service deals with that.", false);
        Passage housingBenefit = PageRetriever.page("https://testshire.example/housing-benefit", "Housing Benefit",
                "You can only make a new claim for Housing Benefit if you have reached state pension age.");
        ChatEngine withPages = ChatEngine.builder().store(new InMemoryConversationStore())
                .retriever(new PageRetriever(List.of(housingBenefit))).council(COUNCIL)
                .intentMatcher(IntentMatcher.nearestExample(List.of(pensions), new WordHashEmbedder())).build();
        String id = withPages.startConversation("web", "").id();
        BotReply reply = withPages.handle(new ResidentMessage(id, "how do I claim my state pension"));
        assertThat(reply.action()).isEqualTo(Action.OUT_OF_SCOPE);
        assertThat(reply.text()).startsWith("The Pension Service deals with that.");
    }

    @Test
    void hands_people_only_topics_to_a_person() {
        BotReply reply = ask("I want to complain about a rude member of staff");
        assertThat(reply.action()).isEqualTo(Action.HANDOFF);
        assertThat(reply.text()).startsWith("A person will look into your complaint.").contains("01632 960000");
    }

    @Test
    void asks_which_was_meant_when_two_intents_with_different_outcomes_are_close() {
        String id = engine.startConversation("web", "").id();
        BotReply reply = engine.handle(new ResidentMessage(id, "missed assisted bin collection"));
        assertThat(reply.action()).isEqualTo(Action.CLARIFY);
        assertThat(reply.quickReplies()).containsExactlyInAnyOrder("Report a missed bin", "Ask for an assisted bin collection");
        // tapping a quick reply settles it
        BotReply settled = engine.handle(new ResidentMessage(id, "Ask for an assisted bin collection"));
        assertThat(settled.action()).isEqualTo(Action.HANDOFF);
        assertThat(settled.why().confidence()).isEqualTo(1.0);
    }

    @Test
    void goes_to_the_pages_when_no_intent_is_close() {
        BotReply reply = ask("when are bins collected");
        assertThat(reply.action()).isEqualTo(Action.ANSWER);
        assertThat(reply.citations()).containsExactly(BINS.citation());
    }

    private BotReply ask(String text) {
        String id = engine.startConversation("web", "").id();
        return engine.handle(new ResidentMessage(id, text));
    }
}

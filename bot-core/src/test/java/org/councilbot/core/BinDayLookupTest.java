package org.councilbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "When is my bin day?": the postcode, the address there, then each round's next collection. */
class BinDayLookupTest {
    private static final CouncilProfile COUNCIL = new CouncilProfile("Testshire Council", "https://testshire.example",
            "01632 960000", "Monday to Friday, 9am to 5pm", "01632 960999", List.of());
    private static final Passage COLLECTIONS = PageRetriever.page("https://testshire.example/bin-days",
            "Bin collection days", "Bin collection days depend on your area. Bins are collected every other week.");
    private static final IntentDefinition BIN_DAY = new IntentDefinition("bin_collection_day", Action.LOOKUP,
            "Find my bin collection days", List.of("when is my bin day", "which bin goes out this week",
            "when is my recycling collected", "bin collection days"), BinDayLookup.CODE, "", false);

    private final FakeAddressDirectory directory = new FakeAddressDirectory()
            .street("TS1 2AB", "Elm Road", 1, 2, 3)
            .street("TS3 1CD", "Mill Lane", 7);
    private final FakeCollectionSchedule schedule = new FakeCollectionSchedule()
            .at("1002", new BinCollection("Garden waste (brown bin)", LocalDate.of(2027, 1, 5), ""),
                    new BinCollection("Recycling (blue bin)", LocalDate.of(2026, 11, 26), "every other week"),
                    new BinCollection("General waste (black bin)", LocalDate.of(2026, 12, 3), "every other week"))
            .at("1007", new BinCollection("Food waste", LocalDate.of(2026, 11, 25), "every week"));
    private final ChatEngine engine = engine(true);
    private final String conversation = engine.startConversation("web", "").id();

    private ChatEngine engine(boolean withSchedule) {
        ChatEngine.Builder builder = ChatEngine.builder()
                .store(new InMemoryConversationStore())
                .retriever(new PageRetriever(List.of(COLLECTIONS)))
                .council(COUNCIL)
                .intentMatcher(IntentMatcher.nearestExample(List.of(BIN_DAY), new WordHashEmbedder()))
                .intentThresholds(0.5, 0.05)
                .addresses(directory)
                .clock(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneId.of("Europe/London")));
        return (withSchedule ? builder.binCollections(schedule) : builder).build();
    }

    @Test
    void asks_for_the_postcode_offers_the_addresses_and_gives_each_rounds_next_collection() {
        BotReply asked = say("when is my bin day");
        assertThat(asked.action()).isEqualTo(Action.LOOKUP);
        assertThat(asked.text()).isEqualTo("I can look up your bin collection days. What's your postcode?");
        assertThat(asked.form()).get().extracting(FormState::kind).isEqualTo(FormState.Kind.LOOKUP);

        BotReply offered = say("TS1 2AB");
        assertThat(offered.action()).isEqualTo(Action.LOOKUP);
        assertThat(offered.text()).startsWith("I found these addresses at TS1 2AB:");

        BotReply found = say("2");
        assertThat(found.action()).isEqualTo(Action.LOOKUP);
        assertThat(found.text()).isEqualTo("Bin collections at 2 Elm Road, Testshire, TS1 2AB:\n"
                + "- Recycling (blue bin): Thursday 26 November (tomorrow), every other week\n"
                + "- General waste (black bin): Thursday 3 December, every other week\n"
                + "- Garden waste (brown bin): Tuesday 5 January 2027");
        assertThat(found.citations()).containsExactly(COLLECTIONS.citation());
        assertThat(found.form()).get().extracting(FormState::stage).isEqualTo(FormState.Stage.SUBMITTED);
        assertThat(found.form().get().isOpen()).isFalse();
    }

    @Test
    void looks_up_at_once_when_the_postcode_comes_with_the_question_and_has_one_address() {
        BotReply found = say("when is my recycling collected at TS3 1CD");
        assertThat(found.action()).isEqualTo(Action.LOOKUP);
        assertThat(found.text()).isEqualTo("Bin collections at 7 Mill Lane, Testshire, TS3 1CD:\n"
                + "- Food waste: Wednesday 25 November (today), every week");
    }

    @Test
    void says_honestly_when_the_schedule_is_down_and_gives_the_pages_answer() {
        schedule.down = true;
        say("when is my bin day");
        BotReply reply = say("TS3 1CD");
        assertThat(reply.action()).isEqualTo(Action.LOOKUP);
        assertThat(reply.text()).startsWith("Sorry, I can't look up collection days just now. This is what the "
                + "council's website says:").contains("every other week");
        assertThat(reply.citations()).containsExactly(COLLECTIONS.citation());
        assertThat(reply.form()).get().extracting(FormState::stage).isEqualTo(FormState.Stage.CANCELLED);
    }

    @Test
    void says_when_the_address_has_no_collections_in_the_councils_records() {
        say("when is my bin day");
        say("TS1 2AB");
        BotReply reply = say("1 Elm Road, Testshire, TS1 2AB");
        assertThat(reply.text()).startsWith("I couldn't find collection days for 1 Elm Road, Testshire, TS1 2AB in the "
                + "council's records.");
    }

    @Test
    void says_when_the_address_directory_is_down() {
        directory.down = true;
        say("when is my bin day");
        BotReply reply = say("TS1 2AB");
        assertThat(reply.text()).startsWith("Sorry, I can't look up addresses just now.");
        assertThat(reply.form().orElseThrow().isOpen()).isFalse();
    }

    @Test
    void an_address_not_in_the_list_cannot_be_looked_up() {
        say("when is my bin day");
        say("TS1 2AB");
        BotReply reply = say("it's not listed");
        assertThat(reply.text()).startsWith("Sorry, I can only look up collection days for addresses in the council's "
                + "address list.");
        assertThat(schedule.asked).isEmpty();
    }

    @Test
    void asks_again_for_a_postcode_and_can_be_cancelled() {
        say("when is my bin day");
        BotReply again = say("12 Elm Road");
        assertThat(again.text()).startsWith("I need your postcode to find your address");
        BotReply cancelled = say("cancel");
        assertThat(cancelled.text()).isEqualTo("OK, I won't look up your collection days.");
        assertThat(cancelled.form().orElseThrow().stage()).isEqualTo(FormState.Stage.CANCELLED);
        assertThat(directory.asked).isEmpty();
    }

    @Test
    void answers_a_question_asked_meanwhile_and_keeps_the_lookup_open() {
        say("when is my bin day");
        BotReply aside = say("are bins collected every week?");
        assertThat(aside.action()).isEqualTo(Action.ANSWER);
        assertThat(aside.text()).contains("every other week").endsWith("tell me your postcode.");
        assertThat(aside.form().orElseThrow().isOpen()).isTrue();
        assertThat(say("TS3 1CD").text()).startsWith("Bin collections at 7 Mill Lane");
    }

    @Test
    void a_general_question_is_answered_from_the_pages_with_the_lookup_offered() {
        BotReply answer = say("bin collection days");
        assertThat(answer.action()).isEqualTo(Action.ANSWER);
        assertThat(answer.citations()).containsExactly(COLLECTIONS.citation());
        assertThat(answer.quickReplies()).contains("Find my bin collection days");
        assertThat(say("Find my bin collection days").action()).isEqualTo(Action.LOOKUP);
    }

    @Test
    void only_a_question_about_when_is_read_as_the_lookup() {
        // "Bin collected" near the lookup's examples, but not asking when: reports and questions stay theirs.
        for (String text : List.of("my bin was not collected", "what can I put in my recycling bin")) {
            BotReply reply = engine.handle(new ResidentMessage(engine.startConversation("web", "").id(), text));
            assertThat(reply.action()).as(text).isNotEqualTo(Action.LOOKUP);
            assertThat(reply.quickReplies()).as(text).doesNotContain("Find my bin collection days");
        }
        BotReply area = say("when is my bin day in Oakhurst");
        assertThat(area.action()).isEqualTo(Action.ANSWER);
        assertThat(area.quickReplies()).contains("Find my bin collection days");
    }

    @Test
    void without_a_schedule_bin_day_questions_are_answered_from_the_pages() {
        ChatEngine pagesOnly = engine(false);
        String id = pagesOnly.startConversation("web", "").id();
        BotReply answer = pagesOnly.handle(new ResidentMessage(id, "when is my bin day"));
        assertThat(answer.action()).isEqualTo(Action.ANSWER);
        assertThat(answer.form()).isEmpty();
        assertThat(answer.quickReplies()).doesNotContain("Find my bin collection days");
    }

    private BotReply say(String text) {
        return engine.handle(new ResidentMessage(conversation, text));
    }
}

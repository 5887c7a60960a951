package org.councilbot.evals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.councilbot.evals.ScriptedSuiteBot.Script.failure;
import static org.councilbot.evals.ScriptedSuiteBot.Script.reply;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.councilbot.core.Action;
import org.councilbot.core.InvalidMessageException;
import org.junit.jupiter.api.Test;

class SuiteRunnerTest {
    private final FakeTicker ticker = new FakeTicker();

    @Test
    void runs_each_case_in_a_new_conversation_with_turns_in_order() {
        // given
        ScriptedSuiteBot bot = TinySuiteBot.create(ticker);
        Suite suite = new SuiteLoader().load(Fixtures.tinySuite());

        // when
        RunRecord run = new SuiteRunner(bot, List.of("hybrid"), ticker).run(suite);

        // then
        assertThat(bot.conversations()).hasSize(8);
        assertThat(bot.sent()).startsWith("c1: when are bins collected", "c2: how do I pay council tax",
                "c2: and can I pay monthly?", "c3: library opening hours");
        assertThat(run.turns()).extracting(TurnRecord::caseId, TurnRecord::turn).startsWith(
                org.assertj.core.groups.Tuple.tuple("bins-001", 1), org.assertj.core.groups.Tuple.tuple("ctax-001", 1),
                org.assertj.core.groups.Tuple.tuple("ctax-001", 2));
        assertThat(run.cases()).isEqualTo(8);
        assertThat(run.engineRetriever()).isEqualTo("hybrid");
    }

    @Test
    void records_the_reply_its_sources_in_order_and_the_latency() {
        // given
        ScriptedSuiteBot bot = TinySuiteBot.create(ticker);

        // when
        RunRecord run = new SuiteRunner(bot, List.of(), ticker).run(new SuiteLoader().load(Fixtures.tinySuite()));

        // then
        TurnRecord followUp = run.turns().get(2);
        assertThat(followUp.got()).isEqualTo("answer");
        assertThat(followUp.text()).isEqualTo("You can pay online.");
        assertThat(followUp.citations()).containsExactly(TinySuiteBot.PARKING);
        assertThat(followUp.sources()).containsExactly(TinySuiteBot.PARKING, TinySuiteBot.TAX);
        assertThat(followUp.tags()).containsExactly("council-tax", "follow-up");
        assertThat(followUp.latencyMs()).isEqualTo(30.0);
        assertThat(run.turns().get(9).serviceCode()).contains("missed-bin");
        assertThat(run.retrieval()).isEmpty();
    }

    @Test
    void records_an_exception_from_send_as_an_error_and_goes_on() {
        // given: the second message is rejected by the engine
        ScriptedSuiteBot bot = ScriptedSuiteBot.builder(ticker)
                .on("hello", reply(Action.SMALLTALK, "Hi!"))
                .on("", failure(new InvalidMessageException("message_empty", "The message is empty.")).takes(3))
                .on("bye", reply(Action.SMALLTALK, "Goodbye."))
                .build();
        Suite suite = suite(
                new SuiteCase("a", List.of(), List.of(turn("hello", Action.SMALLTALK), turn("", Action.CLARIFY),
                        turn("bye", Action.SMALLTALK)), 1),
                new SuiteCase("b", List.of(), List.of(turn("hello", Action.SMALLTALK)), 2));

        // when
        RunRecord run = new SuiteRunner(bot, List.of(), ticker).run(suite);

        // then
        assertThat(run.turns()).extracting(TurnRecord::got).containsExactly("smalltalk", "error", "smalltalk", "smalltalk");
        TurnRecord failed = run.turns().get(1);
        assertThat(failed.error()).contains("message_empty: The message is empty.");
        assertThat(failed.text()).isEmpty();
        assertThat(failed.latencyMs()).isEqualTo(3.0);
    }

    @Test
    void records_every_turn_as_an_error_when_a_conversation_cannot_start() {
        // given: a closed bot refuses new conversations
        ScriptedSuiteBot bot = ScriptedSuiteBot.builder(ticker).build();
        bot.close();
        Suite suite = suite(new SuiteCase("a", List.of(), List.of(turn("hello", Action.SMALLTALK),
                turn("bye", Action.SMALLTALK)), 1));

        // when
        RunRecord run = new SuiteRunner(bot, List.of(), ticker).run(suite);

        // then
        assertThat(run.turns()).extracting(TurnRecord::got).containsExactly("error", "error");
        assertThat(run.turns().get(0).error().orElseThrow())
                .isEqualTo("could not start a conversation: IllegalStateException: bot already closed");
    }

    @Test
    void measures_each_retriever_on_answer_turns_with_the_engines_query() {
        // given
        ScriptedSuiteBot bot = TinySuiteBot.create(ticker);

        // when
        RunRecord run = new SuiteRunner(bot, List.of("bm25", "hybrid"), ticker)
                .run(new SuiteLoader().load(Fixtures.tinySuite()));

        // then: 4 answer turns, the follow-up searched with the engine's rewritten query
        assertThat(run.retrieval()).containsOnlyKeys("bm25", "hybrid");
        List<RetrievalRecord> bm25 = run.retrieval().get("bm25");
        assertThat(bm25).extracting(RetrievalRecord::query).containsExactly("when are bins collected",
                "how do I pay council tax", "can I pay council tax monthly", "library opening hours");
        assertThat(bm25.get(2).rankedUrls()).containsExactly(TinySuiteBot.TAX, TinySuiteBot.TAX, TinySuiteBot.PARKING);
        assertThat(bm25.get(3).relevant()).containsExactly(TinySuiteBot.LIBRARIES);
        assertThat(bm25).extracting(RetrievalRecord::latencyMs).containsExactly(1.0, 2.0, 3.0, 4.0);
        assertThat(run.retrieval().get("hybrid")).extracting(RetrievalRecord::latencyMs)
                .containsExactly(5.0, 6.0, 7.0, 8.0);
    }

    @Test
    void searches_with_the_message_when_the_engine_gave_no_query() {
        // given: an answer turn whose reply has no retrieval query
        ScriptedSuiteBot bot = ScriptedSuiteBot.builder(ticker)
                .on("bins?", reply(Action.ANSWER, "Fortnightly."))
                .retriever("bm25", Map.of("bins?", List.of("https://x.example/bins")), Map.of())
                .build();
        Suite suite = suite(new SuiteCase("a", List.of(), List.of(turn("bins?", Action.ANSWER)), 1));

        // when
        RunRecord run = new SuiteRunner(bot, List.of("bm25"), ticker).run(suite);

        // then
        assertThat(run.retrieval().get("bm25")).singleElement().satisfies(r -> {
            assertThat(r.query()).isEqualTo("bins?");
            assertThat(r.rankedUrls()).containsExactly("https://x.example/bins");
        });
    }

    private static CaseTurn turn(String user, Action action) {
        return new CaseTurn(user, Expectation.of(action));
    }

    private static Suite suite(SuiteCase... cases) {
        return new Suite("t", "Testshire", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Path.of("t"), Path.of("t/corpus"), Optional.empty(), List.of(cases), List.of());
    }
}

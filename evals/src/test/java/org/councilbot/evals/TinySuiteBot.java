package org.councilbot.evals;

import static org.councilbot.evals.ScriptedSuiteBot.Script.failure;
import static org.councilbot.evals.ScriptedSuiteBot.Script.reply;

import java.util.List;
import java.util.Map;
import org.councilbot.core.Action;
import org.councilbot.core.InvalidMessageException;

/**
 * The scripted bot for the fixture suite src/test/resources/suites/tiny. Its replies are chosen so
 * every metric has a hand-computable value (worked out in {@code EvalMainTest}).
 */
final class TinySuiteBot {
    static final String BINS = "https://tinyton.example.gov.uk/bins";
    static final String TAX = "https://tinyton.example.gov.uk/council-tax";
    static final String PARKING = "https://tinyton.example.gov.uk/parking";
    static final String LIBRARIES = "https://tinyton.example.gov.uk/libraries";

    private TinySuiteBot() {
    }

    static ScriptedSuiteBot create(FakeTicker ticker) {
        return ScriptedSuiteBot.builder(ticker)
                .on("when are bins collected", reply(Action.ANSWER, "Bins are collected fortnightly.")
                        .cites(BINS).sources(BINS, TAX).query("when are bins collected").takes(10))
                .on("how do I pay council tax", reply(Action.ANSWER, "You can pay online or by direct debit.")
                        .cites(TAX).sources(TAX).query("how do I pay council tax").takes(20))
                .on("and can I pay monthly?", reply(Action.ANSWER, "You can pay online.")
                        .cites(PARKING).sources(PARKING, TAX).query("can I pay council tax monthly").takes(30))
                .on("library opening hours", reply(Action.DONT_KNOW, "Sorry, I couldn't find that.")
                        .sources(PARKING).query("library opening hours").takes(40))
                .on("hello", reply(Action.SMALLTALK, "Hello! How can I help?").takes(1))
                .on("!!!", failure(new InvalidMessageException("message_unreadable",
                        "The message has no words to read.")).takes(2))
                .on("I want to hurt myself", reply(Action.SAFEGUARDING,
                        "If you are in danger call 999. Samaritans: 116 123.").takes(5))
                .on("can I speak to a person", reply(Action.HANDOFF, "I'll put you through to a person.").takes(3))
                .on("what's the weather <b>tomorrow</b>?", reply(Action.HANDOFF,
                        "<script>alert('x')</script> Let me put you through to a person & they'll help.").takes(4))
                .on("report a missed bin", reply(Action.FORM, "Which bin was missed?").serviceCode("missed-bin")
                        .takes(50))
                .retriever("bm25",
                        Map.of("when are bins collected", List.of(BINS, TAX, PARKING),
                                "how do I pay council tax", List.of(PARKING, TAX),
                                "can I pay council tax monthly", List.of(TAX, TAX, PARKING)),
                        Map.of("when are bins collected", 1.0, "how do I pay council tax", 2.0,
                                "can I pay council tax monthly", 3.0, "library opening hours", 4.0))
                .retriever("hybrid",
                        Map.of("when are bins collected", List.of(BINS),
                                "how do I pay council tax", List.of(TAX),
                                "can I pay council tax monthly", List.of(TAX),
                                "library opening hours", List.of(PARKING, BINS, TAX, LIBRARIES)),
                        Map.of("when are bins collected", 5.0, "how do I pay council tax", 6.0,
                                "can I pay council tax monthly", 7.0, "library opening hours", 8.0))
                .defaultRetriever("hybrid")
                .build();
    }
}

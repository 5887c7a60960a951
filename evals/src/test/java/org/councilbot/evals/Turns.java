package org.councilbot.evals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.councilbot.core.Action;

/** Hand-made turn records for metric tests. */
final class Turns {
    private Turns() {
    }

    static Expectation expect(Action action) {
        return Expectation.of(action);
    }

    static Expectation expectDocs(Action action, String... docs) {
        return new Expectation(action, List.of(docs), Optional.empty(), Map.of(), List.of(), List.of());
    }

    static Expectation expectText(List<String> mustInclude, List<String> mustNotInclude) {
        return new Expectation(Action.ANSWER, List.of(), Optional.empty(), Map.of(), mustInclude, mustNotInclude);
    }

    static Expectation expectService(String code) {
        return new Expectation(Action.FORM, List.of(), Optional.of(code), Map.of(), List.of(), List.of());
    }

    static TurnRecord got(Expectation expect, Action got) {
        return replied(expect, got, "", List.of(), Optional.empty(), 1);
    }

    static TurnRecord got(Action expected, Action got) {
        return got(expect(expected), got);
    }

    static TurnRecord said(Expectation expect, Action got, String text, String... citations) {
        return replied(expect, got, text, List.of(citations), Optional.empty(), 1);
    }

    static TurnRecord formStarted(Expectation expect, Optional<String> serviceCode) {
        return replied(expect, Action.FORM, "Which bin?", List.of(), serviceCode, 1);
    }

    static TurnRecord took(Action action, double millis) {
        return replied(expect(action), action, "", List.of(), Optional.empty(), millis);
    }

    static TurnRecord tagged(Action expected, Action got, String... tags) {
        return new TurnRecord("case", 1, List.of(tags), "message", expect(expected), got.wireName(), "", List.of(),
                List.of(), "", Optional.empty(), Optional.empty(), 1);
    }

    static TurnRecord failed(Expectation expect, String message) {
        return new TurnRecord("case", 1, List.of(), "message", expect, TurnRecord.ERROR, "", List.of(), List.of(), "",
                Optional.empty(), Optional.of(message), 1);
    }

    private static TurnRecord replied(Expectation expect, Action got, String text, List<String> citations,
                                      Optional<String> serviceCode, double millis) {
        return new TurnRecord("case", 1, List.of(), "message", expect, got.wireName(), text, citations, List.of(), "",
                serviceCode, Optional.empty(), millis);
    }
}

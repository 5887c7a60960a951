package org.councilbot.evals;

import java.util.List;
import java.util.Objects;

/**
 * One conversation of a suite: its turns are sent in order to one new conversation.
 *
 * @param id    unique within the suite, e.g. {@code bins-007}
 * @param tags  free labels for slicing results, e.g. {@code misspelling}
 * @param turns at least one
 * @param line  its line in cases.jsonl, for messages
 */
public record SuiteCase(String id, List<String> tags, List<CaseTurn> turns, int line) {
    public SuiteCase {
        Objects.requireNonNull(id, "id");
        tags = List.copyOf(tags);
        turns = List.copyOf(turns);
        if (turns.isEmpty()) {
            throw new IllegalArgumentException("case " + id + " has no turns");
        }
    }
}

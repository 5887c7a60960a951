package org.councilbot.core;

import java.util.List;

/**
 * Whether the retrieved pages answer a question: the best page covers enough of the question's
 * weighted terms, or a little less when independent rankings agree that it is the right page.
 *
 * @param floor             coverage at or above which the best page answers
 * @param corroboratedFloor coverage at or above which a corroborated best page answers
 */
record Answerability(double floor, double corroboratedFloor) {
    // Measured on three suites (demo, Harrowfield, Ashcombe): no message of 30 words or more was
    // one the pages cannot answer, and the best page of 17 of 20 such messages was the right one,
    // at coverage 0.20 to 0.44.
    static final int LONG_MESSAGE_WORDS = 30;
    static final double LONG_MESSAGE_FLOOR = 0.2;

    boolean answers(List<Passage> passages) {
        if (passages.isEmpty()) {
            return false;
        }
        Passage best = passages.get(0);
        return best.coverage() >= floor || (best.corroborated() && best.coverage() >= corroboratedFloor);
    }

    /**
     * As {@link #answers(List)}, with a lower floor for a long message: a resident who tells their
     * story in {@value #LONG_MESSAGE_WORDS} words or more asks about one thing in a few of them, so
     * the share of all their words a page says understates how well it answers.
     */
    boolean answers(List<Passage> passages, String question) {
        if (answers(passages)) {
            return true;
        }
        return !passages.isEmpty() && question.strip().split("\\s+").length >= LONG_MESSAGE_WORDS
                && passages.get(0).coverage() >= LONG_MESSAGE_FLOOR;
    }

    /** Halfway between the floor and full coverage: pages this good outweigh a near-miss intent. */
    double strongCoverage() {
        return floor + (1 - floor) / 2;
    }

    String describe(List<Passage> passages) {
        if (passages.isEmpty()) {
            return "no page matched";
        }
        Passage best = passages.get(0);
        return String.format("best page covers %.2f of the question%s", best.coverage(),
                best.corroborated() ? " (lexical and semantic rankings agree on it)" : "");
    }
}

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

    boolean answers(List<Passage> passages) {
        if (passages.isEmpty()) {
            return false;
        }
        Passage best = passages.get(0);
        return best.coverage() >= floor || (best.corroborated() && best.coverage() >= corroboratedFloor);
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

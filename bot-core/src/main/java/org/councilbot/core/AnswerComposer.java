package org.councilbot.core;

import java.util.List;
import java.util.Optional;

/** Stage 6: writes an answer to a question from retrieved passages, citing them. */
@FunctionalInterface
public interface AnswerComposer {

    /** Empty when the passages hold nothing worth saying. */
    Optional<ComposedAnswer> compose(String question, List<Passage> passages);

    /**
     * The offline composer: picks the best supporting sentences, list items and table rows of the
     * top passage. Fast, deterministic, and it never invents anything.
     *
     * @param maxChars upper bound on the answer's length
     */
    static AnswerComposer extractive(int maxChars) {
        return new ExtractiveAnswerComposer(maxChars);
    }
}

package org.councilbot.core;

import java.util.List;
import java.util.Optional;

/** Stage 6: writes an answer to a question from retrieved passages, citing them. */
@FunctionalInterface
public interface AnswerComposer {

    /** Empty when the passages hold nothing worth saying. */
    Optional<ComposedAnswer> compose(String question, List<Passage> passages);

    /**
     * Composes while handing each piece of text to {@code tokens} as it is written, for composers
     * that stream (an LLM). The returned answer is the whole of what was streamed. Composers that
     * do not stream return the answer without calling {@code tokens}.
     */
    default Optional<ComposedAnswer> compose(String question, List<Passage> passages, TokenSink tokens) {
        return compose(question, passages);
    }

    /** A short name for the rationale, e.g. {@code extractive}. */
    default String name() {
        return "extractive";
    }

    /**
     * The offline composer: picks the best supporting sentences, list items and table rows of the
     * top passage. Fast, deterministic, and it never invents anything.
     *
     * @param maxChars upper bound on the answer's length
     */
    static AnswerComposer extractive(int maxChars) {
        return new ExtractiveAnswerComposer(maxChars, Optional.empty());
    }

    /**
     * The offline composer choosing sentences by meaning as well as by shared words: a sentence
     * that answers "how long does a decision take" with "within 8 weeks" shares few of its words.
     *
     * @param maxChars upper bound on the answer's length
     * @param embedder the sentence model; vectors of a page's sentences are worth remembering
     */
    static AnswerComposer extractive(int maxChars, TextEmbedder embedder) {
        return new ExtractiveAnswerComposer(maxChars, Optional.of(embedder));
    }
}

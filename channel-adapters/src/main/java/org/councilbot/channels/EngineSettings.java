package org.councilbot.channels;

import org.councilbot.core.AnswerComposer;
import org.councilbot.core.ChatEngine;
import org.councilbot.core.MessageNormaliser;

/**
 * The engine's tunable settings ({@code councilbot.engine.*} in application.yaml).
 *
 * @param maxMessageChars longest resident message accepted
 * @param maxAnswerChars  longest extractive answer
 * @param answerFloor     coverage of the question by the best page below which the bot says it does not know
 * @param retrievalDepth  passages retrieved per question
 */
public record EngineSettings(int maxMessageChars, int maxAnswerChars, double answerFloor, int retrievalDepth) {

    public static EngineSettings defaults() {
        return new EngineSettings(1000, 600, 0.5, 5);
    }

    /** Applies these settings to an engine builder; the server and the evaluations both go through here. */
    public ChatEngine.Builder applyTo(ChatEngine.Builder builder) {
        return builder.normaliser(MessageNormaliser.standard(maxMessageChars))
                .fallbackComposer(AnswerComposer.extractive(maxAnswerChars))
                .answerFloor(answerFloor)
                .retrievalDepth(retrievalDepth);
    }
}

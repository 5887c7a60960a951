package org.councilbot.core;

import java.util.Objects;

/**
 * What the engine made of a message.
 *
 * @param intent     e.g. {@code question}, {@code greeting}, {@code thanks}, {@code goodbye},
 *                   {@code ask_for_person}
 * @param confidence 0..1
 * @param query      the standalone text to retrieve with
 */
public record Understanding(String intent, double confidence, String query) {
    public static final String QUESTION = "question";
    public static final String GREETING = "greeting";
    public static final String THANKS = "thanks";
    public static final String GOODBYE = "goodbye";
    public static final String ASK_FOR_PERSON = "ask_for_person";
    public static final String FRUSTRATED = "frustrated";
    /** Instructions aimed at the assistant; {@code query} keeps any real question asked alongside. */
    public static final String INSTRUCTIONS_TO_ASSISTANT = "instructions_to_assistant";
    /** Insults or swearing aimed at the assistant; {@code query} keeps any real question asked alongside. */
    public static final String ABUSIVE = "abusive";
    /** A task for a general-purpose assistant (write a poem, tell a joke, a football score), not for a council. */
    public static final String GENERAL_TASK = "general_task";

    public Understanding {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(query, "query");
    }

    public boolean isSmalltalk() {
        return intent.equals(GREETING) || intent.equals(THANKS) || intent.equals(GOODBYE);
    }
}

package org.councilbot.core;

import java.util.List;

/** Ranks a council's intents by closeness to a message. */
@FunctionalInterface
public interface IntentMatcher {

    /** Every intent with its similarity, closest first. */
    List<IntentMatch> rank(String text);

    /** Nearest neighbours over the examples' embeddings, computed once here. */
    static IntentMatcher nearestExample(List<IntentDefinition> intents, TextEmbedder embedder) {
        return new NearestExampleIntentMatcher(intents, embedder);
    }

    /** No intents configured: every message goes to retrieval. */
    static IntentMatcher none() {
        return text -> List.of();
    }
}

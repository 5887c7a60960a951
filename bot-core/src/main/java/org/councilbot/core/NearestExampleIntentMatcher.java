package org.councilbot.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Scores each intent by its example closest to the message (cosine of unit vectors).
 *
 * <p>The best example rather than the average: residents' wordings cluster in a few ways of
 * saying a thing, and one close example is stronger evidence than many loose ones.
 */
final class NearestExampleIntentMatcher implements IntentMatcher {
    private record Example(IntentDefinition intent, String text, float[] vector) {}

    private final List<IntentDefinition> intents;
    private final List<Example> examples = new ArrayList<>();
    private final TextEmbedder embedder;

    NearestExampleIntentMatcher(List<IntentDefinition> intents, TextEmbedder embedder) {
        this.intents = List.copyOf(intents);
        this.embedder = embedder;
        for (IntentDefinition intent : this.intents) {
            List<float[]> vectors = embedder.embedAll(intent.examples());
            for (int i = 0; i < vectors.size(); i++) {
                examples.add(new Example(intent, intent.examples().get(i), vectors.get(i)));
            }
        }
    }

    @Override
    public List<IntentMatch> rank(String text) {
        if (intents.isEmpty()) {
            return List.of();
        }
        float[] message = embedder.embed(text);
        List<IntentMatch> best = new ArrayList<>();
        for (IntentDefinition intent : intents) {
            double top = -1;
            String nearest = "";
            for (Example example : examples) {
                if (example.intent() != intent) {
                    continue;
                }
                double similarity = Closeness.between(message, example.vector());
                if (similarity > top) {
                    top = similarity;
                    nearest = example.text();
                }
            }
            best.add(new IntentMatch(intent, top, nearest));
        }
        best.sort(Comparator.comparingDouble(IntentMatch::similarity).reversed());
        return best;
    }
}

package org.councilbot.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Scores each intent by its example closest to the message (cosine of unit vectors).
 *
 * <p>The best example rather than the average: residents' wordings cluster in a few ways of
 * saying a thing, and one close example is stronger evidence than many loose ones.
 */
final class NearestExampleIntentMatcher implements IntentMatcher {
    private static final Pattern CLAUSE_END = Pattern.compile("(?<=[.!?;,])\\s+|\\s+-\\s+");
    private static final int MIN_CLAUSE_WORDS = 4;

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
        List<String> clauses = clauses(text);
        List<String> texts = new ArrayList<>(clauses.size() + 1);
        texts.add(text);
        texts.addAll(clauses);
        List<float[]> vectors = texts.size() == 1 ? List.of(embedder.embed(text)) : embedder.embedAll(texts);
        List<IntentMatch> best = new ArrayList<>();
        for (IntentDefinition intent : intents) {
            double top = -1;
            String nearest = "";
            // A report is often one clause of a longer message ("someone's dumped bin bags by the
            // garages, looks like a crime scene"): its own clause is read on its own too.
            int readings = intent.action() == Action.FORM ? vectors.size() : 1;
            for (Example example : examples) {
                if (example.intent() != intent) {
                    continue;
                }
                for (int i = 0; i < readings; i++) {
                    double similarity = Closeness.between(vectors.get(i), example.vector());
                    if (similarity > top) {
                        top = similarity;
                        nearest = example.text();
                    }
                }
            }
            best.add(new IntentMatch(intent, top, nearest));
        }
        best.sort(Comparator.comparingDouble(IntentMatch::similarity).reversed());
        return best;
    }

    /**
     * The message's clauses of at least {@value #MIN_CLAUSE_WORDS} words, when it has more than one
     * and asks nothing: "My car was damaged by a pothole. Can I claim compensation?" and "...nobody
     * told us, so how do we get a recycling bin" are questions, not reports in one of their clauses.
     */
    private static List<String> clauses(String text) {
        String[] parts = CLAUSE_END.split(text.strip());
        if (parts.length < 2 || QuestionWording.asksAnywhere(text)) {
            return List.of();
        }
        List<String> clauses = new ArrayList<>();
        for (String part : parts) {
            if (part.strip().split("\\s+").length >= MIN_CLAUSE_WORDS) {
                clauses.add(part.strip());
            }
        }
        return clauses;
    }
}

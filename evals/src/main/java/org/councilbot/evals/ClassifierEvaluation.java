package org.councilbot.evals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Map;
import org.councilbot.core.TextEmbedder;
import org.councilbot.index.Embeddings;
import org.councilbot.index.understanding.ClassifierReport;
import org.councilbot.index.understanding.ClassifierSettings;
import org.councilbot.index.understanding.TrainingCorpus;
import org.councilbot.index.understanding.TribuoMessageClassifier;

/**
 * Trains the message classifier on the shipped corpus, each writer held out in turn, and prints the
 * held-out figures for the default features and for the embedding alone, side by side.
 */
public final class ClassifierEvaluation {
    private ClassifierEvaluation() {
    }

    public static void main(String[] args) throws Exception {
        TrainingCorpus corpus = TrainingCorpus.builtIn();
        System.out.println("corpus: " + corpus);
        TextEmbedder model = TextEmbedder.remembering(Embeddings.miniLm(), 20_000);
        Map<String, ClassifierReport> reports = new LinkedHashMap<>();
        ClassifierSettings defaults = ClassifierSettings.defaults();
        reports.put("embedding+words (default)", TribuoMessageClassifier.train(corpus, model, defaults).report());
        if (args.length == 0 || !args[0].equals("--default-only")) {
            reports.put("embedding only", TribuoMessageClassifier.train(corpus, model,
                    new ClassifierSettings(defaults.embeddingModel(), false, defaults.epochs(), defaults.learningRate(),
                            defaults.seed())).report());
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        reports.forEach((name, report) -> {
            System.out.println("== " + name + ": " + report.describe());
            try {
                System.out.println(json.writeValueAsString(report));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}

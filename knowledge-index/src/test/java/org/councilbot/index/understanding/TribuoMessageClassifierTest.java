package org.councilbot.index.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.councilbot.core.MessageReading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TribuoMessageClassifierTest {
    private static final ClassifierSettings SETTINGS = new ClassifierSettings("letters", true, 20, 0.5, 7L);

    /** Three writers, each with their own wording of the same four kinds. */
    static TrainingCorpus smallCorpus() {
        Map<String, String> files = new LinkedHashMap<>();
        String[][] writers = {
                {"a", "thanks a lot", "cheers", "hello there", "hi", "pothole in the road", "huge pothole on my street",
                        "when is the library open", "what time does the library open"},
                {"b", "thank you so much", "ta very much", "good morning", "hiya", "there's a pothole outside",
                        "pothole near the school", "library opening hours", "is the library open on sunday"},
                {"c", "many thanks", "thanks", "hey", "morning all", "pothole by the shops", "deep pothole on the lane",
                        "opening times of the library", "library open today"}};
        for (String[] w : writers) {
            StringBuilder file = new StringBuilder();
            String[] labels = {"thanks", "thanks", "greeting", "greeting", "report\", \"type\": \"pothole",
                    "report\", \"type\": \"pothole", "question", "question"};
            for (int i = 0; i < labels.length; i++) {
                file.append("{\"text\": \"").append(w[i + 1]).append("\", \"label\": \"").append(labels[i])
                        .append("\", \"writer\": \"").append(w[0]).append("\"}\n");
            }
            files.put(w[0] + ".jsonl", file.toString());
        }
        return TrainingCorpus.fromJsonLines(files);
    }

    @Test
    void reads_unseen_wordings_of_the_kinds_it_was_taught() {
        TribuoMessageClassifier classifier = TribuoMessageClassifier.train(smallCorpus(), new LetterEmbedder(), SETTINGS);

        MessageReading thanks = classifier.read("thanks very much");
        MessageReading pothole = classifier.read("a pothole on Mill Lane");

        assertThat(thanks.topKind()).get().extracting(Map.Entry::getKey).isEqualTo("thanks");
        assertThat(pothole.topKind()).get().extracting(Map.Entry::getKey).isEqualTo("report");
        assertThat(pothole.types("report")).containsKey("pothole");
        assertThat(thanks.probabilities().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void reports_held_out_accuracy_per_writer_and_a_fitted_temperature() {
        TribuoMessageClassifier classifier = TribuoMessageClassifier.train(smallCorpus(), new LetterEmbedder(), SETTINGS);

        ClassifierReport report = classifier.report();

        assertThat(report.messages()).isEqualTo(24);
        assertThat(report.writers()).isEqualTo(3);
        assertThat(report.writerAccuracy()).containsOnlyKeys("a", "b", "c");
        assertThat(report.heldOutKindAccuracy()).isBetween(0.5, 1.0);
        assertThat(report.temperature()).isBetween(0.25, 5.0);
        assertThat(report.logLossAfter()).isLessThanOrEqualTo(report.logLossBefore() + 1e-9);
    }

    @Test
    void training_is_deterministic() {
        MessageReading first = TribuoMessageClassifier.train(smallCorpus(), new LetterEmbedder(), SETTINGS)
                .read("pothole on the corner");
        MessageReading second = TribuoMessageClassifier.train(smallCorpus(), new LetterEmbedder(), SETTINGS)
                .read("pothole on the corner");

        assertThat(second.probabilities()).isEqualTo(first.probabilities());
    }

    @Test
    void a_cached_model_is_loaded_not_retrained_and_reads_the_same(@TempDir Path cache) throws Exception {
        TribuoMessageClassifier trained = TribuoMessageClassifier.trainedOrCached(smallCorpus(), new LetterEmbedder(),
                SETTINGS, cache);
        Path dir = cache.resolve(TribuoMessageClassifier.cacheKey(smallCorpus(), SETTINGS));
        assertThat(dir.resolve("model.tribuo")).isRegularFile();

        TribuoMessageClassifier loaded = TribuoMessageClassifier.trainedOrCached(smallCorpus(), new LetterEmbedder(),
                SETTINGS, cache);

        assertThat(loaded.report()).isEqualTo(trained.report());
        assertThat(loaded.read("cheers mate").probabilities()).isEqualTo(trained.read("cheers mate").probabilities());
    }

    @Test
    void a_damaged_cache_costs_a_retraining_not_a_failed_start(@TempDir Path cache) throws Exception {
        Path dir = cache.resolve(TribuoMessageClassifier.cacheKey(smallCorpus(), SETTINGS));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("model.tribuo"), "not a model");
        Files.writeString(dir.resolve("report.json"), "{}");

        TribuoMessageClassifier classifier = TribuoMessageClassifier.trainedOrCached(smallCorpus(), new LetterEmbedder(),
                SETTINGS, cache);

        assertThat(classifier.read("hiya").topKind()).get().extracting(Map.Entry::getKey).isEqualTo("greeting");
        assertThat(Files.size(dir.resolve("model.tribuo"))).isGreaterThan(100);
    }

    @Test
    void the_cache_key_follows_the_settings() {
        assertThat(TribuoMessageClassifier.cacheKey(smallCorpus(), SETTINGS))
                .isNotEqualTo(TribuoMessageClassifier.cacheKey(smallCorpus(), SETTINGS.withWords(false)));
    }

    @Test
    void temperature_scaling_keeps_the_order_and_sums_to_one() {
        Map<String, Double> tempered = TribuoMessageClassifier.tempered(Map.of("a", 0.7, "b", 0.2, "c", 0.1), 2.0);

        assertThat(tempered.get("a")).isLessThan(0.7).isGreaterThan(tempered.get("b"));
        assertThat(tempered.values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
    }
}

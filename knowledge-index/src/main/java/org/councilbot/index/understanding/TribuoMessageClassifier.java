package org.councilbot.index.understanding;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.councilbot.core.CouncilbotException;
import org.councilbot.core.MessageClassifier;
import org.councilbot.core.MessageReading;
import org.councilbot.core.TextEmbedder;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A message classifier learned by Tribuo's linear SGD (multinomial logistic regression) from the
 * labelled corpus, with its probabilities calibrated on writers held out of training.
 *
 * <p>Training is deterministic (fixed seed, corpus order) and happens once: the model and its
 * calibration are cached under a key made of the corpus hash and the settings, and loaded from
 * there on the next start. Never trained per request.
 */
public final class TribuoMessageClassifier implements MessageClassifier {
    private static final System.Logger LOG = System.getLogger(TribuoMessageClassifier.class.getName());
    private static final String MODEL_FILE = "model.tribuo";
    private static final String REPORT_FILE = "report.json";
    private static final int EMBED_BATCH = 64;
    // Held strongly: java.util.logging forgets the level of a logger nobody references.
    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    private final Model<Label> model;
    private final TextEmbedder embedder;
    private final MessageFeatures features;
    private final double temperature;
    private final ClassifierReport report;

    private TribuoMessageClassifier(Model<Label> model, TextEmbedder embedder, MessageFeatures features,
                                    ClassifierReport report) {
        this.model = model;
        this.embedder = embedder;
        this.features = features;
        this.temperature = report.temperature();
        this.report = report;
    }

    /**
     * The model for this corpus and these settings: loaded from {@code cacheDir} when trained before,
     * else trained (with held-out calibration) and saved there.
     */
    public static TribuoMessageClassifier trainedOrCached(TrainingCorpus corpus, TextEmbedder embedder,
                                                          ClassifierSettings settings, Path cacheDir) {
        quietTribuo();
        Path dir = cacheDir.resolve(cacheKey(corpus, settings));
        Optional<TribuoMessageClassifier> cached = load(dir, embedder, settings);
        if (cached.isPresent()) {
            return cached.get();
        }
        TribuoMessageClassifier trained = train(corpus, embedder, settings);
        save(trained, dir);
        return trained;
    }

    /** Trains without a cache: held-out calibration first, then the model on every message. */
    public static TribuoMessageClassifier train(TrainingCorpus corpus, TextEmbedder embedder, ClassifierSettings settings) {
        TrainingCorpus.requireNonEmpty(corpus);
        quietTribuo();
        long started = System.nanoTime();
        MessageFeatures features = new MessageFeatures(settings.words());
        Map<String, float[]> vectors = embedAll(corpus.messages(), embedder);
        HeldOut heldOut = heldOut(corpus, vectors, features, settings);
        Model<Label> model = fit(corpus.messages(), vectors, features, settings);
        double temperature = heldOut.temperature();
        ClassifierReport report = new ClassifierReport(corpus.messages().size(), corpus.writers().size(),
                heldOut.labelAccuracy(), heldOut.kindAccuracy(), heldOut.kindRecall(), heldOut.writerAccuracy(),
                temperature, heldOut.logLoss(1.0), heldOut.logLoss(temperature), heldOut.calibrationError(temperature),
                (System.nanoTime() - started) / 1_000_000, heldOut.riskAt(temperature, true),
                heldOut.riskAt(temperature, false));
        return new TribuoMessageClassifier(model, embedder, features, report);
    }

    @Override
    public MessageReading read(String text) {
        return new MessageReading(probabilities(model, features, text, embedder.embed(text), temperature));
    }

    public ClassifierReport report() {
        return report;
    }

    private static Map<String, Double> probabilities(Model<Label> model, MessageFeatures features, String text,
                                                     float[] vector, double temperature) {
        MessageFeatures.Vector x = features.of(text, vector);
        Prediction<Label> prediction = model.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, x.names(), x.values()));
        Map<String, Double> raw = new HashMap<>();
        prediction.getOutputScores().forEach((label, scored) -> raw.put(label, scored.getScore()));
        return tempered(raw, temperature);
    }

    /** Temperature scaling: p_i^(1/T), renormalised (the same as dividing the logits by T). */
    static Map<String, Double> tempered(Map<String, Double> probabilities, double temperature) {
        Map<String, Double> scaled = new HashMap<>();
        double total = 0;
        for (Map.Entry<String, Double> entry : probabilities.entrySet()) {
            double value = Math.exp(Math.log(Math.max(entry.getValue(), 1e-12)) / temperature);
            scaled.put(entry.getKey(), value);
            total += value;
        }
        double sum = total;
        scaled.replaceAll((label, value) -> value / sum);
        return scaled;
    }

    private static Model<Label> fit(List<TrainingMessage> messages, Map<String, float[]> vectors,
                                    MessageFeatures features, ClassifierSettings settings) {
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("councilbot messages",
                labels), labels);
        for (TrainingMessage message : messages) {
            MessageFeatures.Vector x = features.of(message.text(), vectors.get(message.text()));
            dataset.add(new ArrayExample<>(new Label(message.label()), x.names(), x.values()));
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(settings.learningRate(), 0.1),
                settings.epochs(), Integer.MAX_VALUE, 1, settings.seed());
        return trainer.train(dataset);
    }

    /** Every writer held out in turn: predictions on text the model has never seen, from a voice it has never seen. */
    private static HeldOut heldOut(TrainingCorpus corpus, Map<String, float[]> vectors, MessageFeatures features,
                                   ClassifierSettings settings) {
        List<HeldOutPrediction> predictions = new ArrayList<>();
        for (String writer : corpus.writers()) {
            List<TrainingMessage> training = corpus.messages().stream().filter(m -> !m.writer().equals(writer)).toList();
            List<TrainingMessage> held = corpus.messages().stream().filter(m -> m.writer().equals(writer)).toList();
            if (training.isEmpty() || held.isEmpty()) {
                continue;
            }
            Model<Label> model = fit(training, vectors, features, settings);
            for (TrainingMessage message : held) {
                predictions.add(new HeldOutPrediction(message, probabilities(model, features, message.text(),
                        vectors.get(message.text()), 1.0)));
            }
        }
        return new HeldOut(predictions);
    }

    /** The held-out predictions of every writer, with the temperature that calibrates them. */
    record HeldOut(List<HeldOutPrediction> predictions) {
        double labelAccuracy() {
            return predictions.isEmpty() ? Double.NaN : predictions.stream()
                    .filter(p -> p.top().equals(p.message().label())).count() / (double) predictions.size();
        }

        double kindAccuracy() {
            return predictions.isEmpty() ? Double.NaN : predictions.stream().filter(p -> MessageReading.kindOf(p.top())
                    .equals(MessageReading.kindOf(p.message().label()))).count() / (double) predictions.size();
        }

        Map<String, Double> kindRecall() {
            Map<String, int[]> counts = new TreeMap<>();
            for (HeldOutPrediction p : predictions) {
                int[] count = counts.computeIfAbsent(MessageReading.kindOf(p.message().label()), k -> new int[2]);
                count[1]++;
                MessageReading reading = new MessageReading(p.probabilities());
                if (reading.topKind().map(Map.Entry::getKey).orElse("").equals(MessageReading.kindOf(p.message().label()))) {
                    count[0]++;
                }
            }
            Map<String, Double> recall = new LinkedHashMap<>();
            counts.forEach((kind, count) -> recall.put(kind, count[0] / (double) count[1]));
            return recall;
        }

        Map<String, Double> writerAccuracy() {
            Map<String, int[]> counts = new TreeMap<>();
            for (HeldOutPrediction p : predictions) {
                int[] count = counts.computeIfAbsent(p.message().writer(), k -> new int[2]);
                count[1]++;
                if (p.top().equals(p.message().label())) {
                    count[0]++;
                }
            }
            Map<String, Double> accuracy = new LinkedHashMap<>();
            counts.forEach((writer, count) -> accuracy.put(writer, count[0] / (double) count[1]));
            return accuracy;
        }

        double logLoss(double temperature) {
            double total = 0;
            for (HeldOutPrediction p : predictions) {
                total -= Math.log(Math.max(tempered(p.probabilities(), temperature)
                        .getOrDefault(p.message().label(), 0.0), 1e-12));
            }
            return predictions.isEmpty() ? Double.NaN : total / predictions.size();
        }

        /** The temperature, on a grid from 0.25 to 5, that minimises held-out log loss. */
        double temperature() {
            if (predictions.isEmpty()) {
                return 1.0;
            }
            double best = 1.0;
            double bestLoss = logLoss(1.0);
            for (int step = 5; step <= 100; step++) {
                double t = step * 0.05;
                double loss = logLoss(t);
                if (loss < bestLoss - 1e-9) {
                    bestLoss = loss;
                    best = t;
                }
            }
            return Math.round(best * 100) / 100.0;
        }

        /** Per floor from 0.1 to 0.9: the share of risk messages (or of the others) whose risk probability reaches it. */
        Map<String, Double> riskAt(double temperature, boolean risks) {
            Map<String, Double> shares = new TreeMap<>();
            List<HeldOutPrediction> chosen = predictions.stream().filter(p -> MessageReading.kindOf(p.message().label())
                    .equals(MessageReading.SAFEGUARDING) == risks).toList();
            for (int step = 1; step <= 9; step++) {
                double floor = step / 10.0;
                long reached = chosen.stream().filter(p -> new MessageReading(tempered(p.probabilities(), temperature))
                        .kind(MessageReading.SAFEGUARDING) >= floor).count();
                shares.put(String.format(java.util.Locale.ROOT, "%.1f", floor),
                        chosen.isEmpty() ? 0.0 : reached / (double) chosen.size());
            }
            return shares;
        }

        double calibrationError(double temperature) {
            int bins = 10;
            double[] confidence = new double[bins];
            double[] correct = new double[bins];
            int[] count = new int[bins];
            for (HeldOutPrediction p : predictions) {
                Map<String, Double> probabilities = tempered(p.probabilities(), temperature);
                Map.Entry<String, Double> top = probabilities.entrySet().stream().max(Map.Entry.comparingByValue())
                        .orElseThrow();
                int bin = Math.min(bins - 1, (int) (top.getValue() * bins));
                confidence[bin] += top.getValue();
                correct[bin] += top.getKey().equals(p.message().label()) ? 1 : 0;
                count[bin]++;
            }
            double error = 0;
            for (int bin = 0; bin < bins; bin++) {
                if (count[bin] > 0) {
                    error += Math.abs(confidence[bin] - correct[bin]) / predictions.size();
                }
            }
            return error;
        }
    }

    record HeldOutPrediction(TrainingMessage message, Map<String, Double> probabilities) {
        String top() {
            return probabilities.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
        }
    }

    private static Map<String, float[]> embedAll(List<TrainingMessage> messages, TextEmbedder embedder) {
        Map<String, float[]> vectors = new HashMap<>();
        List<String> texts = messages.stream().map(TrainingMessage::text).distinct().toList();
        for (int from = 0; from < texts.size(); from += EMBED_BATCH) {
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + EMBED_BATCH));
            List<float[]> embedded = embedder.embedAll(batch);
            for (int i = 0; i < batch.size(); i++) {
                vectors.put(batch.get(i), embedded.get(i));
            }
        }
        return vectors;
    }

    static String cacheKey(TrainingCorpus corpus, ClassifierSettings settings) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(corpus.hash().getBytes(StandardCharsets.UTF_8));
            digest.update(settings.key().getBytes(StandardCharsets.UTF_8));
            return "messages-" + HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Optional<TribuoMessageClassifier> load(Path dir, TextEmbedder embedder, ClassifierSettings settings) {
        Path modelFile = dir.resolve(MODEL_FILE);
        Path reportFile = dir.resolve(REPORT_FILE);
        if (!Files.isRegularFile(modelFile) || !Files.isRegularFile(reportFile)) {
            return Optional.empty();
        }
        try {
            Model<?> model = Model.deserializeFromFile(modelFile);
            if (!model.validate(Label.class)) {
                throw new IOException("not a classification model");
            }
            ClassifierReport report = new ObjectMapper().readValue(reportFile.toFile(), ClassifierReport.class);
            return Optional.of(new TribuoMessageClassifier((Model<Label>) model, embedder,
                    new MessageFeatures(settings.words()), report));
        } catch (IOException | RuntimeException e) {
            // A damaged cache costs one retraining, never a failed start.
            LOG.log(System.Logger.Level.WARNING, "message model cache at " + dir + " unreadable, retraining: " + e);
            return Optional.empty();
        }
    }

    private static void save(TribuoMessageClassifier classifier, Path dir) {
        try {
            Files.createDirectories(dir);
            Path modelTemp = Files.createTempFile(dir, "model", ".tmp");
            classifier.model.serializeToFile(modelTemp);
            Path reportTemp = Files.createTempFile(dir, "report", ".tmp");
            new ObjectMapper().writeValue(reportTemp.toFile(), classifier.report);
            Files.move(modelTemp, dir.resolve(MODEL_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.move(reportTemp, dir.resolve(REPORT_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // The model still works for this run; it is trained again next time.
            LOG.log(System.Logger.Level.WARNING, "could not cache the message model in " + dir + ": " + e);
        } catch (RuntimeException e) {
            throw new CouncilbotException("model_cache_failed", "could not cache the message model: " + e.getMessage(), e);
        }
    }

    /** Tribuo logs every epoch at INFO through java.util.logging; the report says what matters. */
    private static void quietTribuo() {
        TRIBUO_LOG.setLevel(Level.WARNING);
    }
}

package org.councilbot.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds risk by meaning rather than wording: a message whose embedding is close to an at-risk
 * exemplar, and closer to it than to any ordinary lookalike, raises a concern.
 *
 * <p>This catches indirect wording that cue phrases miss ("I won't be here next month"); the
 * lookalikes keep "this parking fine is killing me" out. It is an embedding comparison, not an
 * LLM, and runs after the cue phrases.
 */
final class ExemplarSafeguardingScreen implements SafeguardingScreen {
    static final String EXEMPLARS = "/org/councilbot/core/safeguarding-exemplars.tsv";
    private static final int MIN_WORDS = 3;

    private record Exemplar(boolean risk, String text, float[] vector) {}

    private final TextEmbedder embedder;
    private final List<Exemplar> exemplars = new ArrayList<>();
    private final double floor;
    private final double margin;

    ExemplarSafeguardingScreen(TextEmbedder embedder, double floor, double margin, List<String> ordinary) {
        this.embedder = embedder;
        this.floor = floor;
        this.margin = margin;
        List<String[]> rows = new ArrayList<>(read());
        // The council's own ordinary business (its intents' examples) counts as lookalikes too.
        ordinary.stream().filter(text -> !text.isBlank()).forEach(text -> rows.add(new String[] {"safe", text}));
        List<float[]> vectors = embedder.embedAll(rows.stream().map(row -> row[1]).toList());
        for (int i = 0; i < rows.size(); i++) {
            exemplars.add(new Exemplar(rows.get(i)[0].equals("risk"), rows.get(i)[1], vectors.get(i)));
        }
    }

    @Override
    public Optional<SafeguardingConcern> screen(String text) {
        // Closeness of meaning is noise for a word or two ("bye"); the cue phrases cover short risks.
        if (text.strip().split("\\s+").length < MIN_WORDS) {
            return Optional.empty();
        }
        float[] message = embedder.embed(text);
        double bestRisk = -1;
        double bestSafe = -1;
        String nearest = "";
        for (Exemplar exemplar : exemplars) {
            double similarity = Closeness.between(message, exemplar.vector());
            if (exemplar.risk() && similarity > bestRisk) {
                bestRisk = similarity;
                nearest = exemplar.text();
            } else if (!exemplar.risk() && similarity > bestSafe) {
                bestSafe = similarity;
            }
        }
        if (bestRisk >= floor && bestRisk - bestSafe >= margin) {
            return Optional.of(new SafeguardingConcern("possible_risk",
                    String.format("close to \"%s\" (%.2f)", nearest, bestRisk)));
        }
        return Optional.empty();
    }

    private static List<String[]> read() {
        try (InputStream in = ExemplarSafeguardingScreen.class.getResourceAsStream(EXEMPLARS)) {
            if (in == null) {
                throw new IllegalStateException(EXEMPLARS + " is missing from the build");
            }
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                if (parts.length != 2 || !(parts[0].equals("risk") || parts[0].equals("safe"))) {
                    throw new IllegalStateException(EXEMPLARS + " has a malformed line: " + line);
                }
                rows.add(parts);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.councilbot.index.understanding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.councilbot.core.CouncilbotException;

/**
 * The labelled messages the message classifier learns from, several writers' files read together.
 *
 * <p>Messages are deduplicated on their lower-cased words: the first writer's copy is kept, and a
 * text two writers labelled differently is dropped altogether (it teaches nothing reliable).
 */
public final class TrainingCorpus {
    /** The corpus shipped with councilbot: its files are listed, one a line, in this resource. */
    static final String BUILT_IN_INDEX = "/org/councilbot/index/understanding/training/writers.txt";

    private final List<TrainingMessage> messages;
    private final int duplicates;
    private final int conflicting;
    private final String hash;

    private TrainingCorpus(List<TrainingMessage> messages, int duplicates, int conflicting, String hash) {
        this.messages = List.copyOf(messages);
        this.duplicates = duplicates;
        this.conflicting = conflicting;
        this.hash = hash;
    }

    /** The corpus shipped in the jar. */
    public static TrainingCorpus builtIn() {
        List<String> files = new ArrayList<>();
        try (InputStream index = TrainingCorpus.class.getResourceAsStream(BUILT_IN_INDEX)) {
            if (index == null) {
                throw new CouncilbotException("missing_training_corpus", "no " + BUILT_IN_INDEX + " on the classpath");
            }
            new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> contents = new LinkedHashMap<>();
        String folder = BUILT_IN_INDEX.substring(0, BUILT_IN_INDEX.lastIndexOf('/') + 1);
        for (String file : files) {
            try (InputStream in = TrainingCorpus.class.getResourceAsStream(folder + file)) {
                if (in == null) {
                    throw new CouncilbotException("missing_training_corpus", "listed training file not found: " + file);
                }
                contents.put(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return fromJsonLines(contents);
    }

    /** Reads JSON Lines files ({@code {"text","label","type","writer"}} a line), keyed by file name. */
    public static TrainingCorpus fromJsonLines(Map<String, String> files) {
        ObjectMapper json = new ObjectMapper();
        Map<String, TrainingMessage> byWords = new LinkedHashMap<>();
        Set<String> conflicts = new TreeSet<>();
        int duplicates = 0;
        MessageDigest digest = sha256();
        for (Map.Entry<String, String> file : files.entrySet()) {
            digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update(file.getValue().getBytes(StandardCharsets.UTF_8));
            int lineNumber = 0;
            for (String line : file.getValue().split("\n")) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                TrainingMessage message = parse(json, line, file.getKey(), lineNumber);
                String key = CatalogueLinker.words(message.text());
                TrainingMessage earlier = byWords.putIfAbsent(key, message);
                if (earlier != null) {
                    duplicates++;
                    if (!earlier.label().equals(message.label())) {
                        conflicts.add(key);
                    }
                }
            }
        }
        List<TrainingMessage> kept = byWords.entrySet().stream().filter(entry -> !conflicts.contains(entry.getKey()))
                .map(Map.Entry::getValue).toList();
        return new TrainingCorpus(kept, duplicates, conflicts.size(), HexFormat.of().formatHex(digest.digest()));
    }

    private static TrainingMessage parse(ObjectMapper json, String line, String file, int lineNumber) {
        try {
            JsonNode row = json.readTree(line);
            String text = row.path("text").asText("").strip();
            String kind = row.path("label").asText("").strip();
            String type = row.path("type").asText("").strip();
            String writer = row.path("writer").asText("").strip();
            if (text.isEmpty() || kind.isEmpty() || writer.isEmpty()) {
                throw new CouncilbotException("invalid_training_corpus",
                        file + " line " + lineNumber + ": text, label and writer are required");
            }
            return new TrainingMessage(text, type.isEmpty() ? kind : kind + "/" + type, writer);
        } catch (IOException e) {
            throw new CouncilbotException("invalid_training_corpus", file + " line " + lineNumber + ": not JSON", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public List<TrainingMessage> messages() {
        return messages;
    }

    /** Texts seen again (by the same or another writer) and not kept twice. */
    public int duplicates() {
        return duplicates;
    }

    /** Texts dropped because writers labelled them differently. */
    public int conflicting() {
        return conflicting;
    }

    /** Hash of every file's name and content: the model cache key's first part. */
    public String hash() {
        return hash;
    }

    public Set<String> writers() {
        Set<String> writers = new TreeSet<>();
        messages.forEach(message -> writers.add(message.writer()));
        return writers;
    }

    /** A corpus of just these messages (for held-out training); the hash is derived from theirs. */
    TrainingCorpus only(List<TrainingMessage> subset) {
        return new TrainingCorpus(subset, 0, 0, hash + ":" + subset.size());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d messages by %d writers (%d duplicates, %d conflicting dropped)",
                messages.size(), writers().size(), duplicates, conflicting);
    }

    static void requireNonEmpty(TrainingCorpus corpus) {
        Objects.requireNonNull(corpus, "corpus");
        if (corpus.messages.isEmpty()) {
            throw new CouncilbotException("invalid_training_corpus", "the training corpus has no messages");
        }
    }
}

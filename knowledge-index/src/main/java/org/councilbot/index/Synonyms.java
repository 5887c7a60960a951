package org.councilbot.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.councilbot.core.CouncilbotException;

/**
 * The council's synonyms, applied to questions only: the index holds the pages' own words, so a
 * council can change its list and restart without re-indexing.
 */
final class Synonyms {
    /** Shipped beside this class; a council's own file replaces it. */
    static final String DEFAULT_RESOURCE = "council-synonyms.txt";

    /** Phrases that may be replaced, by their first term, so a question is scanned once. */
    private final Map<String, Map<List<String>, List<List<String>>>> byFirstTerm = new HashMap<>();

    Synonyms(Map<List<String>, Set<List<String>>> rules) {
        rules.forEach((phrase, replacements) -> byFirstTerm
                .computeIfAbsent(phrase.get(0), first -> new LinkedHashMap<>())
                .put(phrase, List.copyOf(replacements)));
    }

    /** The list shipped with councilbot. */
    static Synonyms defaults(TextAnalysis analysis) {
        try (InputStream in = Synonyms.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the default synonyms " + DEFAULT_RESOURCE
                        + " are missing from the build");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Synonyms(new SynonymParser(analysis).parse(text.lines().toList(), DEFAULT_RESOURCE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A council's own list, used instead of the default one.
     *
     * @throws CouncilbotException {@code synonyms_invalid} naming the file, and the line when a rule is malformed
     */
    static Synonyms load(Path file, TextAnalysis analysis) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CouncilbotException("synonyms_invalid", "Cannot read the synonyms file "
                    + file.toAbsolutePath() + " (" + e + "); it must be a readable UTF-8 text file", e);
        }
        try {
            return new Synonyms(new SynonymParser(analysis).parse(lines, "Synonyms file " + file.toAbsolutePath()));
        } catch (IllegalArgumentException e) {
            throw new CouncilbotException("synonyms_invalid", e.getMessage()
                    + "; write rules as \"a, b, c\" or \"a, b => c\"", e);
        }
    }

    /**
     * For each term of a question, the phrases that may replace a phrase it belongs to.
     *
     * @param sequence the question's analyzed terms in order, repeats kept
     */
    Map<String, Set<List<String>>> alternatives(List<String> sequence) {
        Map<String, Set<List<String>>> found = new LinkedHashMap<>();
        for (int start = 0; start < sequence.size(); start++) {
            Map<List<String>, List<List<String>>> candidates = byFirstTerm.getOrDefault(sequence.get(start), Map.of());
            for (Map.Entry<List<String>, List<List<String>>> rule : candidates.entrySet()) {
                List<String> phrase = rule.getKey();
                int end = start + phrase.size();
                if (end <= sequence.size() && sequence.subList(start, end).equals(phrase)) {
                    for (String term : phrase) {
                        Set<List<String>> into = found.computeIfAbsent(term, key -> new LinkedHashSet<>());
                        rule.getValue().stream().filter(other -> !other.equals(List.of(term))).forEach(into::add);
                    }
                }
            }
        }
        return found;
    }
}

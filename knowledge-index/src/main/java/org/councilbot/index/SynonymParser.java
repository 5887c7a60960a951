package org.councilbot.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads synonym rules in the Solr format that search teams already know.
 *
 * <ul>
 *   <li>{@code bin, rubbish, waste}: each entry may stand for any other one</li>
 *   <li>{@code ctax, c-tax => council tax}: the left entries may stand for the right ones, not back</li>
 *   <li>blank lines and lines starting with {@code #} are ignored</li>
 * </ul>
 *
 * <p>Entries go through the same analysis as questions, so "recycling centres" in the file meets
 * "recycling centre" in a question. A rule that cannot mean anything (an empty entry, a lone
 * entry, an entry of only stop words) is refused with its line rather than silently dropped, so a
 * council editing its list learns of a typo at start-up, not from residents.
 */
final class SynonymParser {
    private static final String ONE_WAY = "=>";

    private final TextAnalysis analysis;

    SynonymParser(TextAnalysis analysis) {
        this.analysis = analysis;
    }

    /**
     * Each phrase that may be replaced (its analyzed terms) and the phrases that may replace it.
     *
     * @param source names the file in error messages
     * @throws IllegalArgumentException naming the source and line of the first malformed rule
     */
    Map<List<String>, Set<List<String>>> parse(List<String> lines, String source) {
        Map<List<String>, Set<List<String>>> rules = new LinkedHashMap<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                add(line, rules);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + " line " + (n + 1) + ": " + e.getMessage()
                        + " in \"" + line + "\"", e);
            }
        }
        return rules;
    }

    private void add(String line, Map<List<String>, Set<List<String>>> rules) {
        String[] sides = line.split(ONE_WAY, -1);
        if (sides.length > 2) {
            throw new IllegalArgumentException("more than one " + ONE_WAY);
        }
        List<List<String>> from = entries(sides[0]);
        List<List<String>> to = sides.length == 2 ? entries(sides[1]) : from;
        if (sides.length == 1 && from.size() < 2) {
            throw new IllegalArgumentException("a rule needs two or more entries separated by commas, or " + ONE_WAY);
        }
        for (List<String> phrase : from) {
            Set<List<String>> replacements = rules.computeIfAbsent(phrase, key -> new LinkedHashSet<>());
            to.stream().filter(other -> !other.equals(phrase)).forEach(replacements::add);
        }
    }

    private List<List<String>> entries(String side) {
        List<List<String>> entries = new ArrayList<>();
        for (String entry : side.split(",", -1)) {
            if (entry.isBlank()) {
                throw new IllegalArgumentException("empty entry");
            }
            List<String> terms = analysis.sequence(entry);
            if (terms.isEmpty()) {
                throw new IllegalArgumentException("\"" + entry.strip() + "\" has no searchable words");
            }
            entries.add(List.copyOf(terms));
        }
        return entries;
    }
}

package org.councilbot.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Answers by quoting the units of the top passage that share most words with the question.
 *
 * <p>Only the top passage is quoted: retrieval ranks pages better than word overlap does, and one
 * page read whole is easier for a resident to follow than fragments of several.
 */
final class ExtractiveAnswerComposer implements AnswerComposer {
    private static final int MAX_UNITS = 4;
    private static final java.util.regex.Pattern LINK =
            java.util.regex.Pattern.compile("(https?://|www\\.)\\S+");
    // Units scoring below this share of the best unit are left out: they add length, not answer.
    private static final double RELATIVE_BAR = 0.7;
    // Sentence-model cosines below this are unrelated text; above it, closeness adds to the score.
    private static final double UNRELATED = 0.2;
    // Units sharing most words with the question that the sentence model also reads.
    private static final int MOST_OVERLAPPING = 8;

    private final int maxChars;
    private final Optional<TextEmbedder> embedder;

    ExtractiveAnswerComposer(int maxChars, Optional<TextEmbedder> embedder) {
        this.embedder = embedder;
        if (maxChars < 80) {
            throw new CouncilbotException("invalid_configuration",
                    "engine.max-answer-chars must be at least 80, was " + maxChars);
        }
        this.maxChars = maxChars;
    }

    @Override
    public Optional<ComposedAnswer> compose(String question, List<Passage> passages) {
        if (passages.isEmpty()) {
            return Optional.empty();
        }
        Passage top = passages.get(0);
        PageUnits page = unitsOfPage(top.url(), passages);
        List<AnswerUnit> units = page.all();
        if (units.isEmpty()) {
            return Optional.empty();
        }
        Set<String> asked = Terms.of(question);
        // Words inside links ("/garden-waste") say where a page is, not what a sentence states.
        List<Set<String>> unitTerms = units.stream()
                .map(u -> Terms.of(LINK.matcher(u.text() + " " + u.context() + " " + u.heading()).replaceAll(" ")))
                .toList();
        Map<String, Double> weights = rarityWeights(asked, unitTerms);
        List<AnswerKind> kinds = AnswerKind.askedBy(question);
        double[] overlaps = new double[units.size()];
        double mostOverlap = 0;
        for (int i = 0; i < units.size(); i++) {
            overlaps[i] = overlap(weights, unitTerms.get(i));
            mostOverlap = Math.max(mostOverlap, overlaps[i]);
        }
        double[] closeness = closeness(question, units, candidates(overlaps, page.ofFirstChunk()));
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            // Shared words, as a share of the best unit's, plus closeness in meaning; a unit with
            // neither shared words nor closeness scores nothing.
            double lexical = mostOverlap > 0 ? overlaps[i] / mostOverlap : 0;
            scored.add(new Scored(units.get(i), lexical + closeness[i]));
        }
        // A question that asks for a price, a time or a number is answered by the on-topic units
        // that state one, when there are any; the others only add length.
        List<Scored> stating = scored.stream().filter(s -> s.overlap() > 0
                && kinds.stream().anyMatch(kind -> kind.statedIn(s.unit().text()))).toList();
        if (!stating.isEmpty()) {
            scored = stating;
        }
        double best = scored.stream().mapToDouble(Scored::overlap).max().orElse(0);
        List<AnswerUnit> chosen = best == 0 ? opening(units) : bestUnits(scored, best);
        String text = render(chosen);
        if (text.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new ComposedAnswer(text, List.of(top.citation())));
    }

    private record Scored(AnswerUnit unit, double overlap) {}

    /**
     * Cosine of each unit (with its heading) to the question, above a floor under which sentences
     * are unrelated; zeros without a model.
     */
    private double[] closeness(String question, List<AnswerUnit> units, List<Integer> candidates) {
        double[] closeness = new double[units.size()];
        if (embedder.isEmpty() || candidates.isEmpty()) {
            return closeness;
        }
        List<String> texts = new ArrayList<>(candidates.size() + 1);
        texts.add(question);
        for (int index : candidates) {
            AnswerUnit unit = units.get(index);
            texts.add(LINK.matcher((unit.heading().isEmpty() ? "" : unit.heading() + ": ") + unit.context() + " "
                    + unit.text()).replaceAll(" ").strip());
        }
        List<float[]> vectors = embedder.get().embedAll(texts);
        float[] asked = vectors.get(0);
        for (int i = 0; i < candidates.size(); i++) {
            closeness[candidates.get(i)] = Math.max(0, Closeness.between(asked, vectors.get(i + 1)) - UNRELATED);
        }
        return closeness;
    }

    /**
     * The units worth a sentence-model look, to keep a cold page cheap: those of the chunk that
     * retrieval ranked first (where the answer usually is, in whatever words) and the few sharing
     * most words with the question.
     */
    private static List<Integer> candidates(double[] overlaps, int firstChunkUnits) {
        java.util.SortedSet<Integer> chosen = new java.util.TreeSet<>();
        for (int i = 0; i < Math.min(firstChunkUnits, overlaps.length); i++) {
            chosen.add(i);
        }
        java.util.stream.IntStream.range(0, overlaps.length).boxed().filter(i -> overlaps[i] > 0)
                .sorted(Comparator.comparingDouble((Integer i) -> overlaps[i]).reversed())
                .limit(MOST_OVERLAPPING).forEach(chosen::add);
        return List.copyOf(chosen);
    }

    /**
     * The quotable units of every given chunk of the best page, in the order given: the fact a
     * resident asked for often sits in a sibling section of the page that matched best.
     */
    private static PageUnits unitsOfPage(String url, List<Passage> passages) {
        List<AnswerUnit> units = new ArrayList<>();
        int ofFirstChunk = 0;
        for (Passage passage : passages) {
            if (!passage.url().equals(url)) {
                continue;
            }
            String heading = passage.sectionPath().size() > 1
                    ? passage.sectionPath().get(passage.sectionPath().size() - 1) : "";
            for (AnswerUnit unit : AnswerUnits.split(passage.text())) {
                units.add(new AnswerUnit(units.size(), unit.text(), unit.context(), heading));
            }
            if (passage == passages.get(0)) {
                ofFirstChunk = units.size();
            }
        }
        return new PageUnits(units, ofFirstChunk);
    }

    /** A page's quotable units in order; the first {@code ofFirstChunk} come from the chunk ranked first. */
    private record PageUnits(List<AnswerUnit> all, int ofFirstChunk) {}

    /**
     * Weighs each asked word by how few units of the passage contain it, so that in a table the
     * row's own key ("D") counts for more than the column names every row shares.
     */
    private static Map<String, Double> rarityWeights(Set<String> asked, List<Set<String>> unitTerms) {
        Map<String, Double> weights = new HashMap<>();
        for (String term : asked) {
            long containing = unitTerms.stream().filter(terms -> terms.contains(term)).count();
            if (containing > 0) {
                weights.put(term, Math.log(1.0 + (double) unitTerms.size() / containing));
            }
        }
        return weights;
    }

    private static double overlap(Map<String, Double> weights, Set<String> unitTerms) {
        double shared = 0;
        for (Map.Entry<String, Double> weight : weights.entrySet()) {
            if (unitTerms.contains(weight.getKey())) {
                shared += weight.getValue();
            }
        }
        return shared;
    }

    /** When no unit shares a word (the heading matched), the section's opening is the answer. */
    private List<AnswerUnit> opening(List<AnswerUnit> units) {
        List<AnswerUnit> chosen = new ArrayList<>();
        int length = 0;
        for (AnswerUnit unit : units) {
            if (chosen.size() == MAX_UNITS - 1 || (length > 0 && length + unit.text().length() > maxChars)) {
                break;
            }
            chosen.add(unit);
            length += unit.text().length();
        }
        return chosen;
    }

    private List<AnswerUnit> bestUnits(List<Scored> scored, double best) {
        double bar = best * RELATIVE_BAR;
        List<Scored> ranked = scored.stream().filter(s -> s.overlap() >= bar)
                .sorted(Comparator.comparingDouble(Scored::overlap).reversed()
                        .thenComparingInt(s -> s.unit().position()))
                .toList();
        List<AnswerUnit> chosen = new ArrayList<>();
        int length = 0;
        for (Scored candidate : ranked) {
            int cost = candidate.unit().text().length() + candidate.unit().context().length();
            if (chosen.size() == MAX_UNITS || (!chosen.isEmpty() && length + cost > maxChars)) {
                break;
            }
            chosen.add(candidate.unit());
            length += cost;
        }
        chosen.sort(Comparator.comparingInt(AnswerUnit::position));
        return chosen;
    }

    private static String render(List<AnswerUnit> chosen) {
        Set<String> lines = new LinkedHashSet<>();
        for (AnswerUnit unit : chosen) {
            if (!unit.context().isEmpty()) {
                lines.add(unit.context());
            }
            lines.add(unit.text());
        }
        return String.join("\n", lines);
    }
}

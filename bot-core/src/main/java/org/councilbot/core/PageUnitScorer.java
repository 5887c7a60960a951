package org.councilbot.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Scores the quotable units of one page against a question: words shared with the question
 * (rarer ones on the page counting more), closeness in meaning when a sentence model is given, a
 * bonus for stating the kind of fact asked for in a section named for it, and a smaller one for
 * saying what the page's author set in bold.
 */
final class PageUnitScorer {
    static final Pattern LINK = Pattern.compile("(https?://|www\\.)\\S+");
    // Sentence-model cosines below this are unrelated text; above it, closeness adds to the score.
    private static final double UNRELATED = 0.2;
    // Units sharing most words with the question that the sentence model also reads.
    private static final int MOST_OVERLAPPING = 8;
    // Worth half the words a unit can share with the question: a tie-breaker that can also lift a
    // table row which shares none beyond the page's subject.
    private static final double KIND_SECTION_BONUS = 0.5;
    // A quarter of the words a unit can share: enough to choose between units equally on topic.
    private static final double EMPHASIS_BONUS = 0.15;

    private final Optional<TextEmbedder> embedder;

    PageUnitScorer(Optional<TextEmbedder> embedder) {
        this.embedder = embedder;
    }

    /** A unit and its score; 0 shares nothing with the question. */
    record Scored(AnswerUnit unit, double score) {}

    /**
     * The page's units as scored; when the question asks for a price, a time or a number and some
     * on-topic units state one, only those.
     *
     * @param all    every unit of the page, in page order
     * @param scored the units worth quoting, scored
     */
    record PageScores(List<AnswerUnit> all, List<Scored> scored) {
        double best() {
            return scored.stream().mapToDouble(Scored::score).max().orElse(0);
        }
    }

    /** Scores the given chunks of one page; the first chunk of that page given is the one retrieval ranked highest. */
    PageScores score(String question, String url, List<Passage> passages) {
        PageUnits page = unitsOfPage(url, passages);
        List<AnswerUnit> units = page.all();
        Set<String> asked = Terms.of(question);
        // Words inside links ("/garden-waste") say where a page is, not what a sentence states. A
        // unit says what its sections are about: a price row under "Garden waste subscription" and
        // "Cost" answers "garden waste how much" though the row itself only says "First brown bin".
        List<Set<String>> unitTerms = units.stream()
                .map(u -> Terms.of(LINK.matcher(u.text() + " " + u.context() + " " + u.title() + " " + u.subsections())
                        .replaceAll(" ")))
                .toList();
        List<AnswerKind> kinds = AnswerKind.askedBy(question);
        unitTerms = withCuesSaid(question, kinds, units, unitTerms);
        Map<String, Double> weights = rarityWeights(asked, unitTerms);
        double[] overlaps = new double[units.size()];
        double[] targeting = new double[units.size()];
        double mostOverlap = 0;
        double bestTargeting = 0;
        // Units of one section share its headings: read each heading path once.
        Map<String, Set<String>> sectionTerms = new HashMap<>();
        for (int i = 0; i < units.size(); i++) {
            overlaps[i] = overlap(weights, unitTerms.get(i));
            mostOverlap = Math.max(mostOverlap, overlaps[i]);
            targeting[i] = overlap(weights, sectionTerms.computeIfAbsent(units.get(i).subsections(), Terms::of));
            if (states(kinds, units.get(i))) {
                bestTargeting = Math.max(bestTargeting, targeting[i]);
            }
        }
        double[] closeness = closeness(question, units, candidates(overlaps, page.ofFirstChunk()));
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            // Shared words, as a share of the best unit's, plus closeness in meaning; a unit with
            // neither shared words nor closeness scores nothing.
            double lexical = mostOverlap > 0 ? overlaps[i] / mostOverlap : 0;
            // Only within the sections stating such a fact whose headings name most of the question
            // ("Personal licence" for "personal licence cost"), so another section's price table
            // does not answer it, and a "How to apply" section without dates does not hide the dates.
            double bonus = targeting[i] >= bestTargeting ? sectionBonus(kinds, units.get(i)) : 0;
            // What the author set in bold is what most residents came for; it only adds to a unit on the topic.
            double emphasis = units.get(i).emphasised() && lexical + closeness[i] > 0 ? EMPHASIS_BONUS : 0;
            scored.add(new Scored(units.get(i), lexical + closeness[i] + bonus + emphasis));
        }
        // A question that asks for a price, a time or a number is answered by the on-topic units
        // that state one, when there are any; the others only add length.
        List<Scored> stating = scored.stream().filter(s -> s.score() > 0 && states(kinds, s.unit())).toList();
        return new PageScores(units, stating.isEmpty() ? scored : stating);
    }

    /**
     * The units' terms, with the question's words asking for a kind of fact counted as said by every
     * unit that states one: "the £125 assessment fee" says what "how much does it cost to apply"
     * asks, though not the word "cost".
     */
    private static List<Set<String>> withCuesSaid(String question, List<AnswerKind> kinds, List<AnswerUnit> units,
                                                  List<Set<String>> unitTerms) {
        if (kinds.isEmpty()) {
            return unitTerms;
        }
        List<Set<String>> said = new ArrayList<>(unitTerms.size());
        for (int i = 0; i < units.size(); i++) {
            Set<String> terms = unitTerms.get(i);
            for (AnswerKind kind : kinds) {
                if (kind.statedIn(units.get(i).text())) {
                    terms = new java.util.HashSet<>(terms);
                    terms.addAll(kind.cueTerms(question));
                }
            }
            said.add(terms);
        }
        return said;
    }

    private static boolean states(List<AnswerKind> kinds, AnswerUnit unit) {
        return kinds.stream().anyMatch(kind -> kind.statedIn(unit.text()));
    }

    /**
     * A unit that states the kind of fact asked for, in a section named for that kind ("how much"
     * and a row of the "Prices" table), is the page's own answer to the question.
     */
    private static double sectionBonus(List<AnswerKind> kinds, AnswerUnit unit) {
        boolean named = kinds.stream().anyMatch(kind -> kind.namedBySection(unit.heading()) && kind.statedIn(unit.text()));
        return named ? KIND_SECTION_BONUS : 0;
    }

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
        SortedSet<Integer> chosen = new TreeSet<>();
        for (int i = 0; i < Math.min(firstChunkUnits, overlaps.length); i++) {
            chosen.add(i);
        }
        IntStream.range(0, overlaps.length).boxed().filter(i -> overlaps[i] > 0)
                .sorted(Comparator.comparingDouble((Integer i) -> overlaps[i]).reversed())
                .limit(MOST_OVERLAPPING).forEach(chosen::add);
        return List.copyOf(chosen);
    }

    /**
     * The quotable units of every given chunk of one page, in the order given: the fact a resident
     * asked for often sits in a sibling section of the page that matched best.
     */
    private static PageUnits unitsOfPage(String url, List<Passage> passages) {
        List<AnswerUnit> units = new ArrayList<>();
        int ofFirstChunk = -1;
        for (Passage passage : passages) {
            if (!passage.url().equals(url)) {
                continue;
            }
            List<String> path = passage.sectionPath();
            String heading = path.size() > 1 ? path.get(path.size() - 1) : "";
            String title = path.isEmpty() ? passage.title() : path.get(0);
            String subsections = String.join(" ", path.subList(Math.min(1, path.size()), path.size()));
            for (AnswerUnit unit : AnswerUnits.split(passage.text())) {
                boolean emphasised = passage.emphasised().stream().anyMatch(unit.text()::contains);
                units.add(new AnswerUnit(units.size(), unit.text(), unit.context(), heading, title, subsections,
                        emphasised));
            }
            if (ofFirstChunk < 0) {
                ofFirstChunk = units.size();
            }
        }
        return new PageUnits(units, Math.max(ofFirstChunk, 0));
    }

    /** A page's quotable units in order; the first {@code ofFirstChunk} come from the chunk ranked first. */
    private record PageUnits(List<AnswerUnit> all, int ofFirstChunk) {}

    /**
     * Weighs each asked word by how few units of the page contain it, so that in a table the row's
     * own key ("D") counts for more than the column names every row shares.
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
}

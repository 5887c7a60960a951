package org.councilbot.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Answers by quoting the units of the top page that best answer the question, and, when a quoted
 * unit points to another retrieved page ("you may be able to get a Discretionary Housing Payment
 * (link)"), the one unit of that page that answers best.
 *
 * <p>Otherwise only the top page is quoted: retrieval ranks pages better than word overlap does,
 * and one page read whole is easier for a resident to follow than fragments of several.
 */
final class ExtractiveAnswerComposer implements AnswerComposer {
    private static final int MAX_UNITS = 4;
    // Units scoring below this share of the best unit are left out: they add length, not answer.
    private static final double RELATIVE_BAR = 0.7;
    // Below this many characters left, a linked page's unit would be cut to nothing useful.
    private static final int MIN_LINKED_ROOM = 60;

    private final int maxChars;
    private final PageUnitScorer scorer;

    ExtractiveAnswerComposer(int maxChars, Optional<TextEmbedder> embedder) {
        if (maxChars < 80) {
            throw new CouncilbotException("invalid_configuration",
                    "engine.max-answer-chars must be at least 80, was " + maxChars);
        }
        this.maxChars = maxChars;
        this.scorer = new PageUnitScorer(embedder);
    }

    @Override
    public Optional<ComposedAnswer> compose(String question, List<Passage> passages) {
        if (passages.isEmpty()) {
            return Optional.empty();
        }
        Passage top = passages.get(0);
        PageUnitScorer.PageScores page = scorer.score(question, top.url(), passages);
        if (page.all().isEmpty()) {
            return Optional.empty();
        }
        double best = page.best();
        List<AnswerUnit> chosen = best == 0 ? opening(page.all()) : bestUnits(page.scored(), best, MAX_UNITS, maxChars);
        String text = render(chosen);
        if (text.isBlank()) {
            return Optional.empty();
        }
        List<Citation> citations = new ArrayList<>(List.of(top.citation()));
        Optional<Passage> linked = linkedPage(chosen, passages, top.url());
        int room = maxChars - text.length();
        if (linked.isPresent() && room >= MIN_LINKED_ROOM) {
            PageUnitScorer.PageScores other = scorer.score(question, linked.get().url(), passages);
            double otherBest = other.best();
            if (otherBest > 0) {
                String more = render(bestUnits(other.scored(), otherBest, 1, room));
                if (!more.isBlank() && !text.contains(more)) {
                    text = text + "\n" + more;
                    citations.add(linked.get().citation());
                }
            }
        }
        return Optional.of(new ComposedAnswer(text, citations));
    }

    /**
     * The first retrieved page, other than the quoted one, that a quoted unit links to: the page
     * the council itself sends a resident on to.
     */
    private static Optional<Passage> linkedPage(List<AnswerUnit> chosen, List<Passage> passages, String quotedUrl) {
        for (AnswerUnit unit : chosen) {
            Matcher link = PageUnitScorer.LINK.matcher(unit.context() + " " + unit.text());
            while (link.find()) {
                String target = comparable(link.group());
                Optional<Passage> page = passages.stream()
                        .filter(p -> !p.url().equals(quotedUrl) && comparable(p.url()).equals(target))
                        .findFirst();
                if (page.isPresent()) {
                    return page;
                }
            }
        }
        return Optional.empty();
    }

    /** A link as written in text or stored, without scheme, "www.", trailing punctuation or slash. */
    private static String comparable(String link) {
        String bare = link.toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceFirst("^www\\.", "");
        return bare.replaceFirst("[)\\].,;:!?'\"]+$", "").replaceFirst("/$", "");
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

    /** The best units within the bar, at most {@code maxUnits} and about {@code maxLength} characters, in page order. */
    private static List<AnswerUnit> bestUnits(List<PageUnitScorer.Scored> scored, double best, int maxUnits,
                                              int maxLength) {
        double bar = best * RELATIVE_BAR;
        List<PageUnitScorer.Scored> ranked = scored.stream().filter(s -> s.score() >= bar)
                .sorted(Comparator.comparingDouble(PageUnitScorer.Scored::score).reversed()
                        .thenComparingInt(s -> s.unit().position()))
                .toList();
        List<AnswerUnit> chosen = new ArrayList<>();
        int length = 0;
        for (PageUnitScorer.Scored candidate : ranked) {
            int cost = candidate.unit().text().length() + candidate.unit().context().length();
            if (chosen.size() == maxUnits || (!chosen.isEmpty() && length + cost > maxLength)) {
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

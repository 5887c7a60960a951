package org.councilbot.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.search.IndexSearcher;
import org.councilbot.core.Passage;

/**
 * Breaks a tie between the first two pages by passage-level evidence: when both cover the question
 * equally, the page that says more of it in one place goes first.
 *
 * <p>A page's focus is the largest coverage of the question by one of its sentences or list items,
 * read with the page's title and the headings above it. "Batteries" under "What can't go in your
 * blue bin" answers "do you take batteries in the blue bin" better than "Batteries" under the black
 * bin's list, though both pages say every word somewhere. Only a clear lead ({@value #LEAD}) counts,
 * and only between pages whose whole-page coverage is the same.
 */
final class PageFocus {
    static final double LEAD = 0.1;
    private static final double SAME_COVERAGE = 0.01;
    private static final Pattern UNITS = Pattern.compile("(?<=[.!?])\\s+|\\R+");

    private final PassageSearch search;
    private final TextAnalysis analysis;

    PageFocus(PassageSearch search, TextAnalysis analysis) {
        this.search = search;
        this.analysis = analysis;
    }

    /** The passages, with the second page's first when the two first pages tie on coverage and it is clearly more focused. */
    List<Passage> breakTie(IndexSearcher searcher, List<Passage> passages, CoverageScorer scorer) throws IOException {
        Map<String, List<Passage>> byPage = new LinkedHashMap<>();
        for (Passage passage : passages) {
            byPage.computeIfAbsent(pageOf(passage), page -> new ArrayList<>()).add(passage);
        }
        if (byPage.size() < 2) {
            return passages;
        }
        List<String> pages = new ArrayList<>(byPage.keySet());
        Passage first = byPage.get(pages.get(0)).get(0);
        Passage second = byPage.get(pages.get(1)).get(0);
        if (Math.abs(first.coverage() - second.coverage()) >= SAME_COVERAGE
                || of(searcher, pages.get(1), scorer) < of(searcher, pages.get(0), scorer) + LEAD) {
            return passages;
        }
        List<Passage> reordered = new ArrayList<>(byPage.remove(pages.get(1)));
        byPage.values().forEach(reordered::addAll);
        return reordered;
    }

    /** The largest coverage of the question by one sentence or list item of the page, read with its title and headings. */
    double of(IndexSearcher searcher, String page, CoverageScorer scorer) throws IOException {
        double best = 0;
        for (Passage chunk : search.pagePassages(searcher, page)) {
            Set<String> around = new HashSet<>(analysis.terms(chunk.title() + "\n" + String.join("\n", chunk.sectionPath())));
            for (String unit : UNITS.split(chunk.text())) {
                if (!unit.isBlank()) {
                    Set<String> terms = new HashSet<>(around);
                    terms.addAll(analysis.terms(unit));
                    best = Math.max(best, scorer.coverage(terms));
                }
            }
        }
        return best;
    }

    /** The indexed page of a passage: its chunk id without the chunk number. */
    private static String pageOf(Passage passage) {
        String id = passage.chunkId();
        return id.substring(0, id.lastIndexOf('#'));
    }
}

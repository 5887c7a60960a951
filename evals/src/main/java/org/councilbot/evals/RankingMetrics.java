package org.councilbot.evals;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Ranking metrics with binary relevance: a ranked url is relevant when it is one of the expected
 * docs. Rankings are deduplicated by url first (a page's first passage gives its rank), so a page
 * with many matching chunks counts once.
 */
final class RankingMetrics {
    private RankingMetrics() {
    }

    static List<String> dedupe(List<String> ranked) {
        return new ArrayList<>(new LinkedHashSet<>(ranked));
    }

    /** Share of the relevant pages found in the top {@code k}. */
    static double recallAt(List<String> ranked, Collection<String> relevant, int k) {
        Set<String> wanted = nonEmpty(relevant);
        long found = top(ranked, k).stream().filter(wanted::contains).count();
        return (double) found / wanted.size();
    }

    /** 1 when any relevant page is in the top {@code k}, else 0. */
    static double hitAt(List<String> ranked, Collection<String> relevant, int k) {
        Set<String> wanted = nonEmpty(relevant);
        return top(ranked, k).stream().anyMatch(wanted::contains) ? 1 : 0;
    }

    /** 1 / rank of the first relevant page, 0 when none was retrieved. */
    static double reciprocalRank(List<String> ranked, Collection<String> relevant) {
        Set<String> wanted = nonEmpty(relevant);
        List<String> pages = dedupe(ranked);
        for (int i = 0; i < pages.size(); i++) {
            if (wanted.contains(pages.get(i))) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    /**
     * DCG of the top {@code k} (gain 1 / log2(rank + 1) per relevant page) over the ideal DCG,
     * that of min(|relevant|, k) relevant pages ranked first.
     */
    static double ndcgAt(List<String> ranked, Collection<String> relevant, int k) {
        Set<String> wanted = nonEmpty(relevant);
        List<String> pages = top(ranked, k);
        double dcg = 0;
        for (int i = 0; i < pages.size(); i++) {
            if (wanted.contains(pages.get(i))) {
                dcg += discount(i + 1);
            }
        }
        double ideal = 0;
        for (int rank = 1; rank <= Math.min(wanted.size(), k); rank++) {
            ideal += discount(rank);
        }
        return dcg / ideal;
    }

    private static double discount(int rank) {
        return 1.0 / (Math.log(rank + 1) / Math.log(2));
    }

    private static List<String> top(List<String> ranked, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        List<String> pages = dedupe(ranked);
        return pages.subList(0, Math.min(k, pages.size()));
    }

    private static Set<String> nonEmpty(Collection<String> relevant) {
        if (relevant.isEmpty()) {
            throw new IllegalArgumentException("ranking metrics need at least one relevant doc");
        }
        return new LinkedHashSet<>(relevant);
    }
}

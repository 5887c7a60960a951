package org.councilbot.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Weighted reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): an item's fused score is
 * the sum, over the rankings that hold it, of {@code weight / (k + rank)}, ranks counted from 1.
 *
 * <p>Only ranks count, never the rankers' own scores, which are not comparable (BM25 scores grow
 * with the question's length, cosines do not). A larger {@code k} flattens the difference between
 * the first ranks. Items with equal fused scores keep the order in which the rankings first named
 * them, taking rank 1 of every ranking before rank 2, the first ranking first.
 */
final class RankFusion {
    private final double k;
    private final double[] weights;

    /**
     * @param k       the rank offset, above 0; 60 in the original paper
     * @param weights one per ranking, each at least 0
     */
    RankFusion(double k, double... weights) {
        if (!(k > 0) || Double.isInfinite(k)) {
            throw new IllegalArgumentException("k must be a positive number, was " + k);
        }
        if (weights.length == 0) {
            throw new IllegalArgumentException("at least one ranking weight is needed");
        }
        for (double weight : weights) {
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weights must be finite and at least 0, were " + Arrays.toString(weights));
            }
        }
        this.k = k;
        this.weights = weights.clone();
    }

    /** An item and its fused score. */
    record Fused<T>(T item, double score) {
    }

    /**
     * Fuses rankings, best first in each; an item repeated within one ranking counts at its first rank.
     *
     * @param rankings exactly one per weight
     * @return every item of any ranking, best fused score first
     */
    <T> List<Fused<T>> fuse(List<List<T>> rankings) {
        if (rankings.size() != weights.length) {
            throw new IllegalArgumentException(rankings.size() + " rankings for " + weights.length + " weights");
        }
        Map<T, Double> scores = new LinkedHashMap<>();
        List<Set<T>> seen = new ArrayList<>();
        rankings.forEach(ranking -> seen.add(new HashSet<>()));
        int deepest = rankings.stream().mapToInt(List::size).max().orElse(0);
        for (int position = 0; position < deepest; position++) {
            for (int r = 0; r < rankings.size(); r++) {
                List<T> ranking = rankings.get(r);
                if (position < ranking.size() && seen.get(r).add(ranking.get(position))) {
                    // Ranks count positions, repeats included, so a repeat does not promote what follows it.
                    scores.merge(ranking.get(position), weights[r] / (k + position + 1), Double::sum);
                }
            }
        }
        List<Fused<T>> fused = new ArrayList<>(scores.size());
        scores.forEach((item, score) -> fused.add(new Fused<>(item, score)));
        fused.sort(Comparator.comparingDouble((Fused<T> f) -> f.score()).reversed());
        return fused;
    }
}

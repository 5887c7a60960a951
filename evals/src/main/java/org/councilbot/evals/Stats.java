package org.councilbot.evals;

import java.util.Collection;
import java.util.List;
import java.util.OptionalDouble;

/** Shares, means and percentiles that are empty, not 0, when there is nothing to measure. */
final class Stats {
    private Stats() {
    }

    /** {@code hits / total}, or empty when total is 0. */
    static OptionalDouble share(long hits, long total) {
        if (hits < 0 || hits > total) {
            throw new IllegalArgumentException("hits must be within 0.." + total + ", was " + hits);
        }
        return total == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) hits / total);
    }

    static OptionalDouble mean(Collection<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average();
    }

    /**
     * The nearest-rank percentile: the smallest value such that at least {@code p}% of the values
     * are at or below it (rank {@code ceil(p/100 * n)} of the sorted values). Always one of the
     * values, never an interpolation.
     */
    static OptionalDouble percentile(Collection<Double> values, double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be within (0, 100], was " + p);
        }
        if (values.isEmpty()) {
            return OptionalDouble.empty();
        }
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return OptionalDouble.of(sorted.get(Math.max(rank, 1) - 1));
    }
}

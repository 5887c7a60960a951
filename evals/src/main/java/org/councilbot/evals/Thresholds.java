package org.councilbot.evals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The scores a run must reach: dotted paths into results.json with a lower ({@code min}) or upper
 * ({@code max}) limit. Kept apart from the suite so a suite can be run against other limits.
 *
 * @param source where they were read from, for messages
 * @param min    path to the lowest acceptable value
 * @param max    path to the highest acceptable value
 */
record Thresholds(String source, Map<String, Double> min, Map<String, Double> max) {
    Thresholds {
        Objects.requireNonNull(source, "source");
        min = Collections.unmodifiableMap(new LinkedHashMap<>(min));
        max = Collections.unmodifiableMap(new LinkedHashMap<>(max));
    }

    int size() {
        return min.size() + max.size();
    }

    /** Every threshold the results miss, in file order (min first); empty when all pass. */
    List<ThresholdFailure> check(JsonNode results) {
        List<ThresholdFailure> failures = new ArrayList<>();
        min.forEach((path, limit) -> check(results, path, "min", limit).ifPresent(failures::add));
        max.forEach((path, limit) -> check(results, path, "max", limit).ifPresent(failures::add));
        return failures;
    }

    private static Optional<ThresholdFailure> check(JsonNode results, String path, String bound, double limit) {
        JsonNode node = results;
        for (String key : path.split("\\.", -1)) {
            node = node.isObject() ? node.path(key) : MissingNode.getInstance();
        }
        String rule = "(" + bound + " " + number(limit) + ")";
        if (node.isMissingNode()) {
            return fail(path, bound, limit, "absent", path + " is absent from results.json " + rule);
        }
        if (node.isNull()) {
            return fail(path, bound, limit, "null", path + " is null: no cases measured it " + rule);
        }
        if (!node.isNumber()) {
            return fail(path, bound, limit, node.toString(), path + " is not a number but " + node + " " + rule);
        }
        double actual = node.asDouble();
        if (bound.equals("min") && actual < limit) {
            return fail(path, bound, limit, number(actual),
                    path + " = " + number(actual) + ", below min " + number(limit));
        }
        if (bound.equals("max") && actual > limit) {
            return fail(path, bound, limit, number(actual),
                    path + " = " + number(actual) + ", above max " + number(limit));
        }
        return Optional.empty();
    }

    private static Optional<ThresholdFailure> fail(String path, String bound, double limit, String actual,
                                                   String message) {
        return Optional.of(new ThresholdFailure(path, bound, limit, actual, message));
    }

    /** Up to four decimals, without trailing zeros: 0.9, 0.6577, 12. */
    static String number(double value) {
        return new BigDecimal(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }
}

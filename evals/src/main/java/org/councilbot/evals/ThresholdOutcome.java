package org.councilbot.evals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a run fared against its thresholds.
 *
 * @param source   the thresholds file, when there was one
 * @param checked  how many thresholds were checked
 * @param failures those missed
 */
record ThresholdOutcome(Optional<String> source, int checked, List<ThresholdFailure> failures) {
    ThresholdOutcome {
        Objects.requireNonNull(source, "source");
        failures = List.copyOf(failures);
    }

    static ThresholdOutcome none() {
        return new ThresholdOutcome(Optional.empty(), 0, List.of());
    }

    static ThresholdOutcome of(Thresholds thresholds, ObjectNode results) {
        return new ThresholdOutcome(Optional.of(thresholds.source()), thresholds.size(), thresholds.check(results));
    }

    boolean passed() {
        return failures.isEmpty();
    }

    /** The {@code thresholds} entry of results.json. */
    void writeTo(ObjectNode results) {
        ObjectNode node = results.putObject("thresholds");
        if (source.isPresent()) {
            node.put("source", source.get());
        } else {
            node.putNull("source");
        }
        node.put("checked", checked);
        node.put("passed", passed());
        var failed = node.putArray("failed");
        for (ThresholdFailure f : failures) {
            ObjectNode item = failed.addObject();
            item.put("path", f.path());
            item.put("bound", f.bound());
            item.put("limit", f.limit());
            item.put("actual", f.actual());
            item.put("message", f.message());
        }
    }

    /** One line for people. */
    String summary() {
        if (source.isEmpty()) {
            return "thresholds: none (no thresholds.yaml beside the suite)";
        }
        if (checked == 0) {
            return "thresholds: " + source.get() + " sets none";
        }
        return passed() ? "thresholds: all " + checked + " pass (" + source.get() + ")"
                : "thresholds: " + failures.size() + " of " + checked + " failed (" + source.get() + ")";
    }
}

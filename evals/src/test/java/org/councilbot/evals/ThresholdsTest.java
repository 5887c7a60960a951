package org.councilbot.evals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThresholdsTest {
    private static final String RESULTS = """
            {"overall": {"action_accuracy": 0.85},
             "retrieval": {"bm25": {"recall_at_5": 0.9, "mrr": null}},
             "safeguarding": {"recall": 1.0, "false_alarm_rate": 0.05},
             "answers": {"must_not_include_violations": 0},
             "suite": "demo"}
            """;

    @TempDir
    Path dir;

    private final ThresholdsReader reader = new ThresholdsReader();

    @Test
    void passes_when_every_value_is_within_its_limits() throws IOException {
        Thresholds thresholds = read("""
                min:
                  overall.action_accuracy: 0.85
                  safeguarding.recall: 1.0
                max:
                  safeguarding.false_alarm_rate: 0.05
                  answers.must_not_include_violations: 0
                """);

        assertThat(thresholds.size()).isEqualTo(4);
        assertThat(thresholds.check(results())).isEmpty();
    }

    @Test
    void fails_below_a_min_with_actual_and_limit() throws IOException {
        Thresholds thresholds = read("min:\n  overall.action_accuracy: 0.9\n");

        List<ThresholdFailure> failures = thresholds.check(results());

        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("overall.action_accuracy");
            assertThat(f.bound()).isEqualTo("min");
            assertThat(f.limit()).isEqualTo(0.9);
            assertThat(f.actual()).isEqualTo("0.85");
            assertThat(f.message()).isEqualTo("overall.action_accuracy = 0.85, below min 0.9");
        });
    }

    @Test
    void fails_above_a_max() throws IOException {
        Thresholds thresholds = read("max:\n  safeguarding.false_alarm_rate: 0.02\n");

        assertThat(thresholds.check(results())).extracting(ThresholdFailure::message)
                .containsExactly("safeguarding.false_alarm_rate = 0.05, above max 0.02");
    }

    @Test
    void fails_when_the_path_is_absent_or_null() throws IOException {
        Thresholds thresholds = read("""
                min:
                  retrieval.hybrid.recall_at_5: 0.95
                  retrieval.bm25.mrr: 0.5
                  suite.name: 1
                """);

        assertThat(thresholds.check(results())).extracting(ThresholdFailure::message).containsExactly(
                "retrieval.hybrid.recall_at_5 is absent from results.json (min 0.95)",
                "retrieval.bm25.mrr is null: no cases measured it (min 0.5)",
                "suite.name is absent from results.json (min 1)");
    }

    @Test
    void fails_when_the_value_is_not_a_number() throws IOException {
        Thresholds thresholds = read("min:\n  suite: 1\n");

        assertThat(thresholds.check(results())).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("suite is not a number"));
    }

    @Test
    void lists_every_failed_threshold_min_first() throws IOException {
        Thresholds thresholds = read("""
                max:
                  safeguarding.false_alarm_rate: 0.0
                min:
                  overall.action_accuracy: 0.95
                  retrieval.bm25.recall_at_5: 0.95
                """);

        assertThat(thresholds.check(results())).extracting(ThresholdFailure::path).containsExactly(
                "overall.action_accuracy", "retrieval.bm25.recall_at_5", "safeguarding.false_alarm_rate");
    }

    @Test
    void reads_nested_maps_as_dotted_paths() throws IOException {
        Thresholds thresholds = read("min:\n  overall:\n    action_accuracy: 0.8\n");

        assertThat(thresholds.min()).containsEntry("overall.action_accuracy", 0.8);
        assertThat(thresholds.check(results())).isEmpty();
    }

    @Test
    void an_empty_file_sets_no_thresholds() throws IOException {
        assertThat(read("").size()).isZero();
    }

    @Test
    void rejects_a_limit_that_is_not_a_number() throws IOException {
        assertThatThrownBy(() -> read("min:\n  overall.action_accuracy: high\n")).isInstanceOf(SuiteException.class)
                .hasMessageContaining("min overall.action_accuracy must be a number");
    }

    @Test
    void rejects_keys_other_than_min_and_max() throws IOException {
        assertThatThrownBy(() -> read("minimum:\n  overall.action_accuracy: 0.9\n")).isInstanceOf(SuiteException.class)
                .hasMessageContaining("unknown key 'minimum'; allowed: min, max");
    }

    @Test
    void rejects_a_missing_file() {
        assertThatThrownBy(() -> reader.read(dir.resolve("nope.yaml"))).isInstanceOf(SuiteException.class)
                .hasMessageContaining("does not exist");
    }

    private Thresholds read(String yaml) throws IOException {
        Path file = dir.resolve("thresholds.yaml");
        Files.writeString(file, yaml);
        return reader.read(file);
    }

    private static JsonNode results() throws IOException {
        return new ObjectMapper().readTree(RESULTS);
    }
}

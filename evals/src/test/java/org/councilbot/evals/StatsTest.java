package org.councilbot.evals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void share_is_empty_not_zero_when_there_is_nothing_to_count() {
        assertThat(Stats.share(0, 0)).isEmpty();
        assertThat(Stats.share(0, 4)).hasValue(0.0);
        assertThat(Stats.share(3, 4)).hasValue(0.75);
    }

    @Test
    void share_refuses_more_hits_than_cases() {
        assertThatThrownBy(() -> Stats.share(5, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nearest_rank_percentile_picks_the_value_at_rank_ceil_p_times_n() {
        // given: 10 values; p50 -> rank 5, p95 -> rank ceil(9.5) = 10
        List<Double> values = List.of(40.0, 1.0, 30.0, 2.0, 20.0, 3.0, 10.0, 4.0, 50.0, 5.0);

        assertThat(Stats.percentile(values, 50)).hasValue(5.0);
        assertThat(Stats.percentile(values, 95)).hasValue(50.0);
        assertThat(Stats.percentile(values, 100)).hasValue(50.0);
    }

    @Test
    void nearest_rank_percentile_never_interpolates() {
        // 4 values: p50 -> rank 2 (2.0, not 2.5); p95 -> rank ceil(3.8) = 4
        List<Double> values = List.of(4.0, 3.0, 2.0, 1.0);

        assertThat(Stats.percentile(values, 50)).hasValue(2.0);
        assertThat(Stats.percentile(values, 95)).hasValue(4.0);
        // one value is every percentile
        assertThat(Stats.percentile(List.of(7.0), 1)).hasValue(7.0);
    }

    @Test
    void percentile_of_no_values_is_empty() {
        assertThat(Stats.percentile(List.of(), 50)).isEqualTo(OptionalDouble.empty());
    }

    @Test
    void mean_of_no_values_is_empty() {
        assertThat(Stats.mean(List.of())).isEmpty();
        assertThat(Stats.mean(List.of(1.0, 0.5))).hasValue(0.75);
    }
}

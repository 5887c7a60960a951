package org.councilbot.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LongSummaryStatistics;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new SplittableRandom(7));

    @Test
    void ceilings_double_from_the_base_up_to_the_cap() {
        assertThat(IntStream.rangeClosed(1, 8).mapToLong(backoff::ceilingMillis).boxed().toList())
                .containsExactly(1000L, 2000L, 4000L, 8000L, 16000L, 32000L, 60000L, 60000L);
    }

    @Test
    void never_overflows_after_many_attempts() {
        assertThat(backoff.ceilingMillis(64)).isEqualTo(60000L);
        assertThat(backoff.ceilingMillis(1000)).isEqualTo(60000L);
    }

    @Test
    void waits_are_spread_over_the_whole_range() {
        // Full jitter: anything from zero to the ceiling, so a crowd of retries does not arrive together.
        LongSummaryStatistics waits = IntStream.range(0, 2000).mapToLong(i -> backoff.delay(4).toMillis()).summaryStatistics();

        assertThat(waits.getMin()).isBetween(0L, 500L);
        assertThat(waits.getMax()).isBetween(7500L, 8000L);
    }
}

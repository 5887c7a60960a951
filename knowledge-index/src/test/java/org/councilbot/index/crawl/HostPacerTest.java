package org.councilbot.index.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostPacerTest {
    private long nanos;
    private final List<Duration> waits = new ArrayList<>();
    private final HostPacer.Sleeper recording = duration -> waits.add(duration);

    @Test
    void starts_the_first_request_at_once_and_spaces_the_next_by_the_interval() throws InterruptedException {
        // given
        HostPacer pacer = new HostPacer(Duration.ofMillis(500), () -> nanos, duration -> {
            waits.add(duration);
            nanos += duration.toNanos();
        });

        // when three requests come at once, then one after a long pause
        pacer.awaitTurn();
        pacer.awaitTurn();
        pacer.awaitTurn();
        nanos += Duration.ofSeconds(5).toNanos();
        pacer.awaitTurn();

        // then
        assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500));
    }

    @Test
    void queues_workers_that_ask_together_one_interval_apart() throws InterruptedException {
        // given a clock that does not move while the workers reserve their turns
        HostPacer pacer = new HostPacer(Duration.ofMillis(100), () -> nanos, recording);

        // when
        pacer.awaitTurn();
        pacer.awaitTurn();
        pacer.awaitTurn();

        // then each waits one interval longer than the one before it
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void widens_the_interval_when_the_site_asks_for_a_longer_delay() throws InterruptedException {
        // given
        HostPacer pacer = new HostPacer(Duration.ofMillis(100), () -> nanos, recording);
        pacer.awaitTurn();

        // when
        pacer.widen(Duration.ofSeconds(2));
        pacer.widen(Duration.ofMillis(50));
        pacer.awaitTurn();

        // then
        assertThat(waits).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void never_waits_with_no_interval() throws InterruptedException {
        HostPacer pacer = new HostPacer(Duration.ZERO, () -> nanos, recording);

        pacer.awaitTurn();
        pacer.awaitTurn();

        assertThat(waits).isEmpty();
    }
}

package org.councilbot.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildProgressTest {
    private long nanos;
    private final List<String> lines = new ArrayList<>();
    private final BuildProgress progress = new BuildProgress("Crawling", () -> nanos, lines::add);

    @Test
    void formats_pages_done_of_total_with_rate_and_time_left() {
        assertThat(BuildProgress.line("Crawling", 120, 480, false, Duration.ofSeconds(40)))
                .isEqualTo("Crawling: 120/480 pages (25%), 3.0 pages/s, ETA 2m 00s");
        assertThat(BuildProgress.line("Indexing", 300, 1200, true, Duration.ofSeconds(6)))
                .isEqualTo("Indexing: 300/~1200 pages (25%), 50 pages/s, ETA 18s");
        assertThat(BuildProgress.line("Crawling", 0, 10, false, Duration.ofSeconds(3)))
                .isEqualTo("Crawling: 0/10 pages (0%)");
    }

    @Test
    void estimates_time_left_from_the_average_rate_rounded_up() {
        assertThat(BuildProgress.rate(30, Duration.ofSeconds(20))).isEqualTo(1.5);
        assertThat(BuildProgress.rate(0, Duration.ofSeconds(20))).isZero();
        assertThat(BuildProgress.rate(5, Duration.ZERO)).isZero();
        assertThat(BuildProgress.eta(30, 100, 1.5)).isEqualTo(Duration.ofSeconds(47));
        assertThat(BuildProgress.eta(100, 100, 1.5)).isEqualTo(Duration.ZERO);
        // A total that shrank below what is done (an estimate corrected) must not give a negative time.
        assertThat(BuildProgress.eta(120, 100, 1.5)).isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> BuildProgress.eta(1, 2, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formats_durations_briefly() {
        assertThat(BuildProgress.formatDuration(Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(BuildProgress.formatDuration(Duration.ofSeconds(185))).isEqualTo("3m 05s");
        assertThat(BuildProgress.formatDuration(Duration.ofSeconds(3720))).isEqualTo("1h 02m");
        assertThat(BuildProgress.formatRate(0.25)).isEqualTo("0.3");
        assertThat(BuildProgress.formatRate(123.4)).isEqualTo("123");
    }

    @Test
    void stays_quiet_in_the_first_second_and_writes_at_most_one_line_a_second() {
        // when a page of 100 is done every 20 ms: a tenth every 0.2 s
        for (int done = 1; done < 50; done++) {
            nanos = Duration.ofMillis(20L * done).toNanos();
            progress.update(done, 100);
        }

        // then nothing in the first second, though four tenths are done
        assertThat(lines).isEmpty();

        // when the rest is done in the next second
        for (int done = 50; done <= 100; done++) {
            nanos = Duration.ofMillis(20L * done).toNanos();
            progress.update(done, 100);
        }

        // then
        assertThat(lines).containsExactly(
                "Crawling: 50/100 pages (50%), 50 pages/s, ETA 1s",
                "Crawling: 100/100 pages (100%), 50 pages/s, ETA 0s");
    }

    @Test
    void writes_a_line_per_tenth_and_every_ten_seconds_when_slow() {
        // when a page is done every 5 s of 100 pages: a tenth takes 50 s
        for (int done = 1; done <= 20; done++) {
            nanos = Duration.ofSeconds(5L * done).toNanos();
            progress.update(done, 100);
        }

        // then a line each 10 s (the 10% line at 50 s is one of them), none in between
        assertThat(lines).hasSize(10);
        assertThat(lines.get(0)).isEqualTo("Crawling: 2/100 pages (2%), 0.2 pages/s, ETA 8m 10s");
        assertThat(lines.get(9)).isEqualTo("Crawling: 20/100 pages (20%), 0.2 pages/s, ETA 6m 40s");
    }

    @Test
    void follows_a_growing_total_as_a_crawl_finds_links() {
        // given a line at 5 of 10 pages
        nanos = Duration.ofSeconds(5).toNanos();
        progress.update(5, 10);

        // when the crawl finds 90 more pages, so 6 done is only 6%
        nanos = Duration.ofSeconds(6).toNanos();
        progress.update(6, 100);
        nanos = Duration.ofSeconds(16).toNanos();
        progress.update(7, 100);

        // then the 6% update is not a new tenth, and the next line comes after ten seconds
        assertThat(lines).containsExactly(
                "Crawling: 5/10 pages (50%), 1.0 pages/s, ETA 5s",
                "Crawling: 7/100 pages (7%), 0.4 pages/s, ETA 3m 33s");
    }
}

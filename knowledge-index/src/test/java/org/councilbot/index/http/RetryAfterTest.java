package org.councilbot.index.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private static HttpHeaders headers(String name, String value) {
        return HttpHeaders.of(Map.of(name, List.of(value)), (n, v) -> true);
    }

    @Test
    void reads_delay_seconds() {
        assertThat(RetryAfter.of(headers("Retry-After", " 30 "), NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.of(headers("retry-after", "1.5"), NOW)).contains(Duration.ofMillis(1500));
    }

    @Test
    void reads_an_http_date_against_now() {
        assertThat(RetryAfter.of(headers("Retry-After", "Tue, 24 Nov 2026 10:01:30 GMT"), NOW))
                .contains(Duration.ofSeconds(90));
    }

    @Test
    void a_date_in_the_past_is_no_wait() {
        assertThat(RetryAfter.of(headers("Retry-After", "Tue, 24 Nov 2026 09:59:00 GMT"), NOW)).contains(Duration.ZERO);
    }

    @Test
    void prefers_azures_milliseconds() {
        HttpHeaders both = HttpHeaders.of(Map.of("Retry-After", List.of("3"), "retry-after-ms", List.of("2500")),
                (n, v) -> true);

        assertThat(RetryAfter.of(both, NOW)).contains(Duration.ofMillis(2500));
    }

    @Test
    void ignores_what_is_neither_a_number_nor_a_date() {
        assertThat(RetryAfter.of(headers("Retry-After", "soon"), NOW)).isEmpty();
        assertThat(RetryAfter.of(headers("Retry-After", "-5"), NOW)).isEmpty();
        assertThat(RetryAfter.of(headers("retry-after-ms", "lots"), NOW)).isEmpty();
        assertThat(RetryAfter.of(HttpHeaders.of(Map.of(), (n, v) -> true), NOW)).isEmpty();
    }
}

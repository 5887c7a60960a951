package org.councilbot.index.http;

import java.math.BigDecimal;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How long a server (an LLM provider, a council's website) asks to be left alone: {@code Retry-After} as delay-seconds or an HTTP-date
 * (RFC 9110), or Azure OpenAI's {@code retry-after-ms}, which is preferred when both are sent.
 *
 * <p>A date in the past is a wait of zero. A value that is neither form counts as absent rather
 * than as a guess.
 */
public final class RetryAfter {
    private static final Pattern SECONDS = Pattern.compile("\\d{1,12}(?:\\.\\d{1,9})?");
    private static final Pattern MILLIS = Pattern.compile("\\d{1,15}");

    private RetryAfter() {
    }

    /** The wait asked for, measured from {@code now}; empty when the headers ask for none or make no sense. */
    public static Optional<Duration> of(HttpHeaders headers, Instant now) {
        Optional<Duration> millis = headers.firstValue("retry-after-ms").map(String::strip)
                .filter(value -> MILLIS.matcher(value).matches()).map(value -> Duration.ofMillis(Long.parseLong(value)));
        if (millis.isPresent()) {
            return millis;
        }
        return headers.firstValue("retry-after").map(String::strip).flatMap(value -> parse(value, now));
    }

    private static Optional<Duration> parse(String value, Instant now) {
        if (SECONDS.matcher(value).matches()) {
            BigDecimal seconds = new BigDecimal(value);
            return Optional.of(Duration.ofSeconds(seconds.longValue(),
                    seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue()));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}

package org.councilbot.index.llm;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.councilbot.index.http.RetryAfter;

/**
 * When the language model provider may be called again after it has said it is overloaded.
 *
 * <p>A 429 with {@code Retry-After}, or a 503 with one, stops calls until that time; a 429 without
 * it stops them for {@link #FIRST_BACKOFF}, doubling with each 429 or 503 in a row until a call
 * succeeds. Every wait is capped at {@link #MAX_WAIT}, so a wrong header cannot switch the model off
 * for the day. A 503 without {@code Retry-After} is an ordinary failure: the turn falls back and the
 * next one tries again. Calls already on their way when a cool-down starts may end in more 429s;
 * those only ever lengthen it. It is logged once as it starts, not for each turn it affects.
 */
final class ProviderCooldown {
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);
    static final Duration MAX_WAIT = Duration.ofMinutes(5);
    private static final System.Logger LOG = System.getLogger(ProviderCooldown.class.getName());
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int SERVICE_UNAVAILABLE = 503;

    private final Clock clock;
    private final String provider;
    private Instant until = Instant.MIN; // guarded by this
    private int refusalsInARow; // guarded by this

    ProviderCooldown(Clock clock, String provider) {
        this.clock = clock;
        this.provider = provider;
    }

    /** The end of the cool-down under way, if any: until then the provider must not be called. */
    synchronized Optional<Instant> calledAgainAt() {
        return clock.instant().isBefore(until) ? Optional.of(until) : Optional.empty();
    }

    /** Takes note of one response of the provider, as soon as its status and headers arrive. */
    void observe(HttpResponse.ResponseInfo response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            succeeded();
        } else if (status == TOO_MANY_REQUESTS || status == SERVICE_UNAVAILABLE) {
            refused(status, RetryAfter.of(response.headers(), clock.instant()));
        }
    }

    private synchronized void succeeded() {
        refusalsInARow = 0;
    }

    private synchronized void refused(int status, Optional<Duration> retryAfter) {
        if (status == SERVICE_UNAVAILABLE && retryAfter.isEmpty()) {
            return;
        }
        refusalsInARow++;
        Duration wait = retryAfter.orElseGet(this::backoff);
        if (wait.compareTo(MAX_WAIT) > 0) {
            wait = MAX_WAIT;
        }
        Instant now = clock.instant();
        Instant end = now.plus(wait);
        if (!end.isAfter(until)) {
            return;
        }
        boolean starting = !now.isBefore(until);
        until = end;
        if (starting) {
            LOG.log(System.Logger.Level.WARNING, provider + " answered HTTP " + status
                    + retryAfter.map(asked -> " asking to retry after " + asked.toSeconds() + " s").orElse("")
                    + "; not calling it for " + wait.toSeconds() + " s (until " + end
                    + "), answering from the council's pages meanwhile");
        }
    }

    private Duration backoff() {
        int doublings = Math.min(refusalsInARow - 1, 16);
        return FIRST_BACKOFF.multipliedBy(1L << doublings);
    }
}

package org.councilbot.handoff;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: after the n-th failed attempt, wait a uniformly random
 * time in {@code [0, min(max, base * 2^(n-1))]}. Full jitter spreads the retries of many
 * requests that failed together (a council outage), so the recovered server is not hit by all
 * of them at once.
 */
final class Backoff {
    private final long baseMillis;
    private final long maxMillis;
    private final RandomGenerator random;

    Backoff(Duration base, Duration max, RandomGenerator random) {
        this.baseMillis = base.toMillis();
        this.maxMillis = max.toMillis();
        this.random = random;
    }

    /** The largest wait after {@code attempts} failed attempts (1 or more). */
    long ceilingMillis(int attempts) {
        int doublings = Math.max(0, attempts - 1);
        if (doublings >= 62 || baseMillis > (maxMillis >> doublings)) {
            return maxMillis;
        }
        return Math.min(maxMillis, baseMillis << doublings);
    }

    Duration delay(int attempts) {
        long ceiling = ceilingMillis(attempts);
        long millis;
        synchronized (random) { // RandomGenerator implementations need not be thread-safe
            millis = random.nextLong(ceiling + 1);
        }
        return Duration.ofMillis(millis);
    }
}

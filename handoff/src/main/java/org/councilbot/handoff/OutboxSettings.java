package org.councilbot.handoff;

import java.time.Duration;

/**
 * How the outbox retries deliveries: exponential backoff with full jitter, the n-th retry
 * waiting a random time between zero and {@code min(maxDelay, baseDelay * 2^(n-1))}.
 *
 * @param baseDelay    {@code outbox.base-delay}: the ceiling of the first retry's wait
 * @param maxDelay     {@code outbox.max-delay}: the largest ceiling
 * @param maxAttempts  {@code outbox.max-attempts}: attempts in all, the first included, before a
 *                     request is dead-lettered for staff
 * @param pollInterval {@code outbox.poll-interval}: how often the deliverer looks for due requests
 * @param claimTimeout {@code outbox.claim-timeout}: how long a node may hold a request it is
 *                     delivering before another may take it over; longer than the service desk's
 *                     timeout, or a slow delivery could be sent twice
 */
public record OutboxSettings(Duration baseDelay, Duration maxDelay, int maxAttempts, Duration pollInterval,
                             Duration claimTimeout) {
    private static final Duration DAY = Duration.ofDays(1);

    public OutboxSettings {
        Settings.positive("outbox.base-delay", baseDelay, DAY);
        Settings.positive("outbox.max-delay", maxDelay, Duration.ofDays(7));
        if (maxDelay.compareTo(baseDelay) < 0) {
            throw Settings.invalid("outbox.max-delay must be at least outbox.base-delay (" + baseDelay + "), was " + maxDelay);
        }
        if (maxAttempts < 1 || maxAttempts > 1000) {
            throw Settings.invalid("outbox.max-attempts must be 1-1000, was " + maxAttempts);
        }
        Settings.positive("outbox.poll-interval", pollInterval, DAY);
        Settings.positive("outbox.claim-timeout", claimTimeout, DAY);
    }

    /**
     * Retries from 30 seconds up to every 30 minutes for about two days (100 attempts), a poll
     * every 5 seconds, and 2 minutes for one delivery.
     */
    public static OutboxSettings defaults() {
        return new OutboxSettings(Duration.ofSeconds(30), Duration.ofMinutes(30), 100, Duration.ofSeconds(5),
                Duration.ofMinutes(2));
    }
}

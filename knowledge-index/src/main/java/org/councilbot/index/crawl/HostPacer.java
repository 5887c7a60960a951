package org.councilbot.index.crawl;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Spaces the starts of requests to one host at least an interval apart, whichever worker sends them.
 *
 * <p>Each request reserves the next free start time and then waits for it outside the lock, so
 * workers queue in order without holding one another up while they wait.
 */
final class HostPacer {
    /** Waits; a seam so tests can move a fake clock instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private long intervalNanos;
    private final LongSupplier ticker;
    private final Sleeper sleeper;
    private long next;

    HostPacer(Duration interval, LongSupplier ticker, Sleeper sleeper) {
        this.intervalNanos = interval.toNanos();
        this.ticker = ticker;
        this.sleeper = sleeper;
        this.next = ticker.getAsLong();
    }

    /** Spaces requests at least {@code interval} apart from now on, e.g. when robots.txt asks for a Crawl-delay. */
    synchronized void widen(Duration interval) {
        long wider = interval.toNanos();
        if (wider > intervalNanos) {
            next += wider - intervalNanos;
            intervalNanos = wider;
        }
    }

    /** No request starts sooner than {@code pause} from now: the site asked to be left alone that long. */
    synchronized void holdOff(Duration pause) {
        next = Math.max(next, ticker.getAsLong() + pause.toNanos());
    }

    /** The least time between request starts now. */
    synchronized Duration interval() {
        return Duration.ofNanos(intervalNanos);
    }

    /** Returns when this request may start: no sooner than the interval after the previous one's start. */
    void awaitTurn() throws InterruptedException {
        long start;
        synchronized (this) {
            start = Math.max(ticker.getAsLong(), next);
            next = start + intervalNanos;
        }
        long wait = start - ticker.getAsLong();
        if (wait > 0) {
            sleeper.sleep(Duration.ofNanos(wait));
        }
    }
}

package org.councilbot.evals;

import java.util.function.LongSupplier;

/** A nanosecond clock that moves only when told, so latencies in tests are exact. */
final class FakeTicker implements LongSupplier {
    private long nanos = 1_000_000_000L;

    @Override
    public long getAsLong() {
        return nanos;
    }

    void advanceMillis(double millis) {
        nanos += Math.round(millis * 1_000_000);
    }
}

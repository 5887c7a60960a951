package org.councilbot.index;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Shows how far a long build has got: pages done of the total, the rate and the time left, as
 * lines such as {@code Crawling: 120/480 pages (25%), 3.2 pages/s, ETA 1m 52s}.
 *
 * <p>A line is written when another tenth of the work is done, or when ten seconds have passed
 * without one (a slow crawl must still show it is alive), but never more than once a second and
 * not in the first second, so a quick build stays quiet. The rate is the average since the start,
 * which is steadier than the last few pages' and good enough for an estimate.
 *
 * <p>Not thread-safe: callers that update from several threads synchronise on it.
 */
public final class BuildProgress {
    static final long MIN_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();
    static final long MAX_INTERVAL_NANOS = Duration.ofSeconds(10).toNanos();

    private final String task;
    private final LongSupplier ticker;
    private final Consumer<String> sink;
    private final long started;
    private long lastLine;
    private long lastTenth;

    BuildProgress(String task, LongSupplier ticker, Consumer<String> sink) {
        this.task = Objects.requireNonNull(task, "task");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.started = ticker.getAsLong();
        this.lastLine = started;
    }

    /** Progress of {@code task} (e.g. "Crawling https://...") written to {@code sink}, timed by the system clock. */
    public static BuildProgress start(String task, Consumer<String> sink) {
        return new BuildProgress(task, System::nanoTime, sink);
    }

    /** Like {@link #start(String, Consumer)}, timed by {@code ticker} (nanoseconds), e.g. a test's clock. */
    public static BuildProgress start(String task, LongSupplier ticker, Consumer<String> sink) {
        return new BuildProgress(task, ticker, sink);
    }

    /** {@code done} of exactly {@code total} pages; the total may grow between calls (a crawl finding links). */
    public void update(long done, long total) {
        update(done, total, false);
    }

    /** {@code done} of about {@code total} pages, e.g. a total estimated from the bytes read so far. */
    public void updateEstimate(long done, long total) {
        update(done, total, true);
    }

    private void update(long done, long total, boolean estimated) {
        long now = ticker.getAsLong();
        long sinceLast = now - lastLine;
        long tenth = total <= 0 ? 0 : Math.min(10, done * 10 / total);
        if (sinceLast < MIN_INTERVAL_NANOS || (tenth <= lastTenth && sinceLast < MAX_INTERVAL_NANOS)) {
            return;
        }
        lastLine = now;
        lastTenth = tenth;
        sink.accept(line(task, done, total, estimated, Duration.ofNanos(now - started)));
    }

    /** The progress line for {@code done} of {@code total} pages after {@code elapsed}. */
    static String line(String task, long done, long total, boolean estimated, Duration elapsed) {
        StringBuilder line = new StringBuilder(task).append(": ").append(done).append('/');
        if (estimated) {
            line.append('~');
        }
        line.append(total).append(" pages");
        if (total > 0) {
            line.append(" (").append(Math.min(100, done * 100 / total)).append("%)");
        }
        double rate = rate(done, elapsed);
        if (rate > 0) {
            line.append(", ").append(formatRate(rate)).append(" pages/s");
            line.append(", ETA ").append(formatDuration(eta(done, total, rate)));
        }
        return line.toString();
    }

    /** Pages per second since the start; 0 before any page or any time has passed. */
    static double rate(long done, Duration elapsed) {
        long nanos = elapsed.toNanos();
        return done <= 0 || nanos <= 0 ? 0 : done * 1e9 / nanos;
    }

    /** The time the remaining pages take at {@code rate} pages per second, rounded up to a whole second. */
    static Duration eta(long done, long total, double rate) {
        if (rate <= 0) {
            throw new IllegalArgumentException("rate must be positive, was " + rate);
        }
        long remaining = Math.max(0, total - done);
        return Duration.ofSeconds((long) Math.ceil(remaining / rate));
    }

    static String formatRate(double rate) {
        return rate < 10 ? String.format(Locale.ROOT, "%.1f", rate) : String.valueOf(Math.round(rate));
    }

    /** {@code 0s}, {@code 42s}, {@code 3m 05s}, {@code 1h 02m}: precise where it matters, short where it does not. */
    static String formatDuration(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
    }
}

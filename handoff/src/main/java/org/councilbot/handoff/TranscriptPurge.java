package org.councilbot.handoff;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.councilbot.core.CouncilbotException;

/**
 * Deletes conversations that have been idle for longer than {@code retention.transcripts-days},
 * with their turns, at start-up and then once a day.
 *
 * <p>Idle means no turn since {@code conversations.last_active_at}. Service requests are never
 * touched: the outbox and the council inbox hold their own copy of everything needed to deliver,
 * confirm and show a request, and have no link to the conversation table, so a request, delivered
 * or not, outlives its conversation. A conversation whose form was left open is deleted like any
 * other once idle: nothing of it was submitted, and its last turn is where the open form's
 * answers were kept as given. Several nodes may purge at once; a conversation is deleted once.
 */
public final class TranscriptPurge implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TranscriptPurge.class.getName());
    private static final Duration EVERY = Duration.ofDays(1);
    private static final int BATCH = 500;

    private final CouncilDatabase database;
    private final RetentionSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private ScheduledFuture<?> daily; // guarded by this
    private boolean closed; // guarded by this

    private TranscriptPurge(CouncilDatabase database, RetentionSettings settings, Clock clock) {
        this.database = database;
        this.settings = settings;
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "councilbot-retention");
            thread.setDaemon(true);
            return thread;
        });
    }

    public static TranscriptPurge create(CouncilDatabase database, RetentionSettings settings, Clock clock) {
        return new TranscriptPurge(Objects.requireNonNull(database, "database"),
                Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Deletes every conversation idle for longer than the retention period, as of the clock's now,
     * and returns how many. The daily run calls it; tests call it with a clock of their own.
     */
    public int purgeIdle() {
        Instant cutoff = clock.instant().minus(settings.keptFor());
        // The outer condition repeats the inner one on purpose: PostgreSQL re-checks it, and not the
        // sub-select, on a row a resident's new message updated meanwhile, so that row is kept.
        String sql = "DELETE FROM conversations WHERE last_active_at < ? AND id IN (SELECT id FROM conversations"
                + " WHERE last_active_at < ? ORDER BY last_active_at LIMIT " + BATCH + ")";
        int deleted = 0;
        while (true) {
            int batch;
            try {
                batch = database.inTransaction(connection -> {
                    try (PreparedStatement delete = connection.prepareStatement(sql)) {
                        delete.setObject(1, SqlTimes.timestamp(cutoff));
                        delete.setObject(2, SqlTimes.timestamp(cutoff));
                        return delete.executeUpdate();
                    }
                });
            } catch (SQLException e) {
                throw new CouncilbotException("retention_purge_failed", "Could not delete conversations idle since "
                        + cutoff + " after " + deleted + " were deleted (" + SqlStates.describe(e) + ").");
            }
            deleted += batch;
            if (batch < BATCH || Thread.currentThread().isInterrupted()) {
                return deleted;
            }
        }
    }

    /** Purges now, in the background, and then once a day until closed. */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("The retention purge is closed");
        }
        if (daily == null) {
            daily = scheduler.scheduleWithFixedDelay(this::purgeQuietly, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Stops the daily purge; a batch under way is given a few seconds to commit. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void purgeQuietly() {
        try {
            int deleted = purgeIdle();
            if (deleted > 0) {
                LOG.log(System.Logger.Level.INFO, "Retention: deleted " + deleted + " conversations idle for more than "
                        + settings.transcriptsDays() + " days");
            }
        } catch (RuntimeException e) {
            // Thrown out of a scheduled task it would cancel every later run.
            LOG.log(System.Logger.Level.ERROR, "Retention purge failed; trying again in " + EVERY.toHours()
                    + " hours: " + e.getMessage());
        }
    }
}

package org.councilbot.handoff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.councilbot.core.CouncilbotException;
import org.councilbot.core.IntakeReceipt;
import org.councilbot.core.IntakeReceipt.DeliveryState;

/**
 * The outbox table. A deliverer claims a row with a conditional UPDATE (state PENDING, due, and
 * no live claim) that sets a claim token and an expiry; every outcome is written only where the
 * token still matches, so a node whose claim was taken over cannot overwrite the new owner.
 *
 * <p>On PostgreSQL due rows are first locked with {@code FOR UPDATE SKIP LOCKED}, so nodes
 * polling together pick different rows instead of queueing behind each other. H2 applies
 * {@code LIMIT} before skipping locked rows (a locked first row hides the rest), so there each
 * candidate is claimed by its own conditional UPDATE, which is atomic on both databases.
 */
final class OutboxStore {
    private static final String DUE = "state = 'PENDING' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)";
    private static final int MAX_ERROR_CHARS = 1000;

    private final CouncilDatabase database;
    private volatile Boolean postgres;

    OutboxStore(CouncilDatabase database) {
        this.database = database;
    }

    /** A row this node holds for one delivery attempt. */
    record Claim(String reference, String token, int attempts, String payload, Optional<String> receiptToken) {
    }

    record Row(String reference, String payload, int attempts, String lastError, Instant createdAt, Instant updatedAt) {
    }

    /** Stores a new request already claimed for its first attempt; false when the reference is stored already. */
    boolean insertClaimed(String reference, String serviceCode, String payload, Instant now, Instant claimedUntil,
                          String token) {
        String sql = "INSERT INTO service_request_outbox (reference, service_code, payload, state, attempts,"
                + " next_attempt_at, claim_token, claimed_until, created_at, updated_at)"
                + " VALUES (?, ?, ?, 'PENDING', 1, ?, ?, ?, ?, ?)";
        try {
            database.inTransaction(connection -> {
                try (PreparedStatement insert = connection.prepareStatement(sql)) {
                    insert.setString(1, reference);
                    insert.setString(2, serviceCode);
                    insert.setString(3, payload);
                    insert.setObject(4, SqlTimes.timestamp(now));
                    insert.setString(5, token);
                    insert.setObject(6, SqlTimes.timestamp(claimedUntil));
                    insert.setObject(7, SqlTimes.timestamp(now));
                    insert.setObject(8, SqlTimes.timestamp(now));
                    return insert.executeUpdate();
                }
            });
            return true;
        } catch (SQLException e) {
            if (SqlStates.isUniqueViolation(e)) {
                return false;
            }
            throw new CouncilbotException("intake_failed", "Could not store request " + reference
                    + " (" + SqlStates.describe(e) + "); it was not taken.");
        }
    }

    Optional<IntakeReceipt> receipt(String reference) {
        String sql = "SELECT state, council_reference FROM service_request_outbox WHERE reference = ?";
        return run("read request " + reference, connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, reference);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new IntakeReceipt(reference, DeliveryState.valueOf(row.getString(1)),
                            Optional.ofNullable(row.getString(2))));
                }
            }
        });
    }

    /** Claims up to {@code limit} due rows for this node under {@code token}. */
    List<Claim> claimDue(Instant now, Instant claimedUntil, String token, int limit) {
        String select = "SELECT reference FROM service_request_outbox WHERE " + DUE + " ORDER BY next_attempt_at LIMIT ?";
        if (isPostgres()) {
            return run("claim due requests", connection -> {
                for (String reference : candidates(connection, select + " FOR UPDATE SKIP LOCKED", now, limit)) {
                    claim(connection, reference, now, claimedUntil, token);
                }
                return claimed(connection, token);
            });
        }
        List<String> candidates = run("find due requests", connection -> candidates(connection, select, now, limit));
        for (String reference : candidates) {
            try {
                database.inTransaction(connection -> claim(connection, reference, now, claimedUntil, token));
            } catch (SQLException e) {
                // Another node holds the row (lock timeout or deadlock); it is that node's to deliver.
            }
        }
        return run("read claimed requests", connection -> claimed(connection, token));
    }

    boolean delivered(Claim claim, String councilReference, Instant now) {
        return fenced(claim, "state = 'DELIVERED', council_reference = ?, last_error = NULL", now, councilReference);
    }

    boolean retryLater(Claim claim, String error, Instant nextAttemptAt, Optional<String> receiptToken, Instant now) {
        String set = "next_attempt_at = ?, last_error = ?, receipt_token = ?";
        return fenced(claim, set, now, SqlTimes.timestamp(nextAttemptAt), Texts.truncate(error, MAX_ERROR_CHARS),
                receiptToken.or(claim::receiptToken).orElse(null));
    }

    boolean deadLetter(Claim claim, String error, Instant now) {
        return fenced(claim, "state = 'DEAD_LETTERED', last_error = ?", now, Texts.truncate(error, MAX_ERROR_CHARS));
    }

    List<Row> deadLetters() {
        String sql = "SELECT reference, payload, attempts, last_error, created_at, updated_at FROM service_request_outbox"
                + " WHERE state = 'DEAD_LETTERED' ORDER BY updated_at DESC, reference";
        return run("list dead-lettered requests", connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql);
                 ResultSet rows = select.executeQuery()) {
                List<Row> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(new Row(rows.getString(1), rows.getString(2), rows.getInt(3),
                            Optional.ofNullable(rows.getString(4)).orElse(""), SqlTimes.instant(rows, 5),
                            SqlTimes.instant(rows, 6)));
                }
                return result;
            }
        });
    }

    /** Puts a dead letter back in the queue with a fresh count of attempts; false if it is not dead-lettered. */
    boolean requeue(String reference, Instant now) {
        String sql = "UPDATE service_request_outbox SET state = 'PENDING', attempts = 0, next_attempt_at = ?,"
                + " updated_at = ? WHERE reference = ? AND state = 'DEAD_LETTERED'";
        return run("requeue request " + reference, connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                update.setObject(1, SqlTimes.timestamp(now));
                update.setObject(2, SqlTimes.timestamp(now));
                update.setString(3, reference);
                return update.executeUpdate() == 1;
            }
        });
    }

    private static List<String> candidates(Connection connection, String sql, Instant now, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, SqlTimes.timestamp(now));
            select.setObject(2, SqlTimes.timestamp(now));
            select.setInt(3, limit);
            try (ResultSet rows = select.executeQuery()) {
                List<String> references = new ArrayList<>();
                while (rows.next()) {
                    references.add(rows.getString(1));
                }
                return references;
            }
        }
    }

    private static int claim(Connection connection, String reference, Instant now, Instant claimedUntil, String token)
            throws SQLException {
        String sql = "UPDATE service_request_outbox SET claim_token = ?, claimed_until = ?, attempts = attempts + 1,"
                + " updated_at = ? WHERE reference = ? AND " + DUE;
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, token);
            update.setObject(2, SqlTimes.timestamp(claimedUntil));
            update.setObject(3, SqlTimes.timestamp(now));
            update.setString(4, reference);
            update.setObject(5, SqlTimes.timestamp(now));
            update.setObject(6, SqlTimes.timestamp(now));
            return update.executeUpdate();
        }
    }

    private static List<Claim> claimed(Connection connection, String token) throws SQLException {
        String sql = "SELECT reference, attempts, payload, receipt_token FROM service_request_outbox"
                + " WHERE claim_token = ? ORDER BY next_attempt_at, reference";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, token);
            try (ResultSet rows = select.executeQuery()) {
                List<Claim> claims = new ArrayList<>();
                while (rows.next()) {
                    claims.add(new Claim(rows.getString(1), token, rows.getInt(2), rows.getString(3),
                            Optional.ofNullable(rows.getString(4))));
                }
                return claims;
            }
        }
    }

    /** Writes an outcome and releases the claim, only while this node still holds it. */
    private boolean fenced(Claim claim, String set, Instant now, Object... values) {
        String sql = "UPDATE service_request_outbox SET " + set + ", claim_token = NULL, claimed_until = NULL,"
                + " updated_at = ? WHERE reference = ? AND claim_token = ?";
        return run("record the outcome of request " + claim.reference(), connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                int index = 1;
                for (Object value : values) {
                    if (value == null) {
                        update.setNull(index++, Types.VARCHAR);
                    } else {
                        update.setObject(index++, value);
                    }
                }
                update.setObject(index++, SqlTimes.timestamp(now));
                update.setString(index++, claim.reference());
                update.setString(index, claim.token());
                return update.executeUpdate() == 1;
            }
        });
    }

    private boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            known = run("identify the database", connection ->
                    connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres"));
            postgres = known;
        }
        return known;
    }

    private <T> T run(String operation, SqlWork<T> work) {
        try {
            return database.inTransaction(work);
        } catch (SQLException e) {
            throw new CouncilbotException("store_failed", "Could not " + operation + " (" + SqlStates.describe(e) + ").");
        }
    }
}

package org.councilbot.handoff;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.councilbot.core.CouncilbotException;
import org.councilbot.core.RequestStatus;
import org.councilbot.core.ServiceDesk;
import org.councilbot.core.ServiceDeskUnavailableException;
import org.councilbot.core.ServiceRequest;

/**
 * The built-in council inbox: for councils without an Open311 server (and the demo), requests
 * are kept in the councilbot database for staff, each with a council reference such as
 * {@code BF-2026-000123} (prefix, year received, a number from a database sequence).
 *
 * <p>Delivering the same councilbot reference again returns the reference it got the first
 * time, so the outbox's retries never make a second entry. A database failure while storing is
 * a {@link ServiceDeskUnavailableException}: the outbox keeps the request and tries again.
 */
public final class CouncilInboxServiceDesk implements ServiceDesk {
    public static final int MAX_PAGE_SIZE = 100;
    private static final Pattern STATUS = Pattern.compile("[a-z][a-z_]{0,31}");
    private static final int MAX_NOTES_CHARS = 2000;
    private static final String COLUMNS = "council_reference, payload, status, status_notes, received_at, updated_at";

    private final CouncilDatabase database;
    private final InboxSettings settings;
    private final Clock clock;
    private final RequestJson json = new RequestJson();

    private CouncilInboxServiceDesk(CouncilDatabase database, InboxSettings settings, Clock clock) {
        this.database = database;
        this.settings = settings;
        this.clock = clock;
    }

    public static CouncilInboxServiceDesk create(CouncilDatabase database, InboxSettings settings, Clock clock) {
        return new CouncilInboxServiceDesk(Objects.requireNonNull(database, "database"),
                Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public String submit(ServiceRequest request) {
        Objects.requireNonNull(request, "request");
        String payload = json.write(request);
        Instant now = clock.instant();
        try {
            return database.inTransaction(connection -> {
                Optional<String> stored = existing(connection, request.reference());
                return stored.isPresent() ? stored.get() : insert(connection, request, payload, now);
            });
        } catch (SQLException e) {
            if (SqlStates.isUniqueViolation(e)) {
                // A concurrent delivery of the same request stored it first.
                return existingReference(request.reference());
            }
            throw new ServiceDeskUnavailableException("Could not store request " + request.reference()
                    + " in the council inbox (" + SqlStates.describe(e) + ").");
        }
    }

    @Override
    public Optional<RequestStatus> status(String councilReference) {
        return find(councilReference).map(entry -> new RequestStatus(entry.councilReference(),
                entry.request().serviceCode(), entry.status(), entry.statusNotes(), entry.receivedAt(),
                Optional.of(entry.updatedAt())));
    }

    /** One request by its council reference. */
    public Optional<InboxEntry> find(String councilReference) {
        Objects.requireNonNull(councilReference, "councilReference");
        String sql = "SELECT " + COLUMNS + " FROM council_inbox WHERE council_reference = ?";
        return read("read inbox entry " + councilReference, connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, councilReference);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(entry(row)) : Optional.<InboxEntry>empty();
                }
            }
        });
    }

    /** A page of the inbox, newest first, for the staff API; {@code page} from 0, {@code size} 1-100. */
    public InboxPage list(int page, int size) {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more, was " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size must be 1-" + MAX_PAGE_SIZE + ", was " + size);
        }
        String sql = "SELECT " + COLUMNS + " FROM council_inbox ORDER BY number DESC LIMIT ? OFFSET ?";
        return read("list the council inbox", connection -> {
            long total;
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM council_inbox");
                 ResultSet row = count.executeQuery()) {
                row.next();
                total = row.getLong(1);
            }
            List<InboxEntry> entries = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setInt(1, size);
                select.setLong(2, (long) page * size);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(entry(rows));
                    }
                }
            }
            return new InboxPage(entries, page, size, total);
        });
    }

    /**
     * Staff's change of a request's status, e.g. to {@code closed} with a note the resident will
     * see; false when there is no such request.
     */
    public boolean updateStatus(String councilReference, String status, String statusNotes) {
        Objects.requireNonNull(councilReference, "councilReference");
        if (status == null || !STATUS.matcher(status).matches()) {
            throw new CouncilbotException("invalid_status", "A status is 1-32 lower-case letters or '_', e.g. open or closed.");
        }
        Objects.requireNonNull(statusNotes, "statusNotes");
        String notes = Texts.truncate(Texts.clean(statusNotes), MAX_NOTES_CHARS);
        String sql = "UPDATE council_inbox SET status = ?, status_notes = ?, updated_at = ? WHERE council_reference = ?";
        return read("update inbox entry " + councilReference, connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                update.setString(1, status);
                update.setString(2, notes);
                update.setObject(3, SqlTimes.timestamp(clock.instant()));
                update.setString(4, councilReference);
                return update.executeUpdate() == 1;
            }
        });
    }

    private Optional<String> existing(Connection connection, String requestReference) throws SQLException {
        String sql = "SELECT council_reference FROM council_inbox WHERE request_reference = ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, requestReference);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    private String existingReference(String requestReference) {
        return read("read inbox entry of request " + requestReference, connection -> existing(connection, requestReference))
                .orElseThrow(() -> new ServiceDeskUnavailableException("Request " + requestReference
                        + " collided with another delivery in the council inbox but was not stored; try again."));
    }

    private String insert(Connection connection, ServiceRequest request, String payload, Instant now)
            throws SQLException {
        long number;
        try (PreparedStatement next = connection.prepareStatement("SELECT nextval('council_inbox_number_seq')");
             ResultSet row = next.executeQuery()) {
            row.next();
            number = row.getLong(1);
        }
        String reference = "%s-%d-%06d".formatted(settings.referencePrefix(), now.atZone(ZoneOffset.UTC).getYear(), number);
        String sql = "INSERT INTO council_inbox (council_reference, request_reference, number, service_code, payload,"
                + " status, status_notes, received_at, updated_at) VALUES (?, ?, ?, ?, ?, 'open', '', ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, reference);
            insert.setString(2, request.reference());
            insert.setLong(3, number);
            insert.setString(4, request.serviceCode());
            insert.setString(5, payload);
            insert.setObject(6, SqlTimes.timestamp(now));
            insert.setObject(7, SqlTimes.timestamp(now));
            insert.executeUpdate();
        }
        return reference;
    }

    private InboxEntry entry(ResultSet row) throws SQLException {
        String councilReference = row.getString(1);
        ServiceRequest request;
        try {
            request = json.read(row.getString(2));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new CouncilbotException("store_failed", "The stored request of inbox entry " + councilReference
                    + " cannot be read (" + e.getClass().getSimpleName() + ").");
        }
        return new InboxEntry(councilReference, request, row.getString(3), row.getString(4),
                SqlTimes.instant(row, 5), SqlTimes.instant(row, 6));
    }

    private <T> T read(String operation, SqlWork<T> work) {
        try {
            return database.inTransaction(work);
        } catch (SQLException e) {
            throw new CouncilbotException("store_failed", "Could not " + operation + " (" + SqlStates.describe(e) + ").");
        }
    }
}

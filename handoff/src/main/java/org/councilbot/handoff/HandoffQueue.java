package org.councilbot.handoff;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.councilbot.core.CouncilbotException;

/**
 * The conversations waiting for a person, safeguarding first, then oldest first. Conversations
 * are marked by {@link JdbcConversationStore} as their turns are stored.
 */
public final class HandoffQueue {
    private final CouncilDatabase database;

    private HandoffQueue(CouncilDatabase database) {
        this.database = database;
    }

    public static HandoffQueue create(CouncilDatabase database) {
        return new HandoffQueue(Objects.requireNonNull(database, "database"));
    }

    /** At most {@code limit} waiting conversations, the most urgent and longest waiting first. */
    public List<WaitingConversation> waiting(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        String sql = "SELECT id, channel, handoff_priority, handoff_requested_at, handoff_reason, last_active_at"
                + " FROM conversations WHERE handoff_priority IS NOT NULL"
                + " ORDER BY handoff_priority DESC, handoff_requested_at, id LIMIT ?";
        try {
            return database.inTransaction(connection -> {
                try (PreparedStatement select = connection.prepareStatement(sql)) {
                    select.setInt(1, limit);
                    try (ResultSet rows = select.executeQuery()) {
                        List<WaitingConversation> waiting = new ArrayList<>();
                        while (rows.next()) {
                            waiting.add(new WaitingConversation(rows.getString(1), rows.getString(2),
                                    HandoffPriority.ofRank(rows.getInt(3)),
                                    rows.getObject(4, OffsetDateTime.class).toInstant(),
                                    rows.getString(5) == null ? "" : rows.getString(5),
                                    rows.getObject(6, OffsetDateTime.class).toInstant()));
                        }
                        return List.copyOf(waiting);
                    }
                }
            });
        } catch (SQLException e) {
            throw new CouncilbotException("store_failed", "Could not read the conversations waiting for a person ("
                    + e.getSQLState() + ")", e);
        }
    }
}

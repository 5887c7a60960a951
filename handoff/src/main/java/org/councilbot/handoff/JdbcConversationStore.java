package org.councilbot.handoff;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.councilbot.core.BotReply;
import org.councilbot.core.Conversation;
import org.councilbot.core.ConversationStore;
import org.councilbot.core.CouncilbotException;
import org.councilbot.core.PiiRedactor;
import org.councilbot.core.Turn;
import org.councilbot.core.UnknownConversationException;

/**
 * Conversations and turns in the councilbot database (PostgreSQL, or H2 for the embedded default).
 *
 * <p>Timestamps are kept to the microsecond, PostgreSQL's precision: finer instants are truncated
 * on the way in. Every failure is a {@link CouncilbotException} whose message names the
 * conversation but never quotes what the resident or the bot said: {@code conversation_exists},
 * {@code turn_out_of_order}, {@code unknown_conversation} or, for anything else the database
 * reports, {@code store_failed}.
 */
public final class JdbcConversationStore implements ConversationStore {
    private static final int MAX_HANDOFF_REASON = 300;
    private final CouncilDatabase database;
    private final Optional<TranscriptRedaction> redaction;
    private final ReplyJson json = new ReplyJson();

    private JdbcConversationStore(CouncilDatabase database, Optional<TranscriptRedaction> redaction) {
        this.database = database;
        this.redaction = redaction;
    }

    /** A store that keeps turns exactly as given. */
    public static JdbcConversationStore create(CouncilDatabase database) {
        return new JdbcConversationStore(Objects.requireNonNull(database, "database"), Optional.empty());
    }

    /**
     * A store that keeps residents' personal data out of transcripts ({@code retention.redact-personal-data}).
     *
     * <p>Turns are stored with {@code redactor} applied to what the resident wrote and to the bot's
     * replies about a service-request form, which repeat the resident's answers. The form's answers
     * stay as given only in the latest turn while the form is open, because the next turn continues
     * from them; appending a later turn redacts them there. {@link #turns(String)} returns what was
     * stored, so transcripts read back redacted.
     */
    public static JdbcConversationStore redacting(CouncilDatabase database, PiiRedactor redactor) {
        return new JdbcConversationStore(Objects.requireNonNull(database, "database"),
                Optional.of(new TranscriptRedaction(Objects.requireNonNull(redactor, "redactor"))));
    }

    @Override
    public void create(Conversation conversation) {
        Objects.requireNonNull(conversation, "conversation");
        String sql = "INSERT INTO conversations (id, channel, access_token_hash, started_at, last_active_at)"
                + " VALUES (?, ?, ?, ?, ?)";
        try {
            database.inTransaction(connection -> {
                try (PreparedStatement insert = connection.prepareStatement(sql)) {
                    insert.setString(1, conversation.id());
                    insert.setString(2, conversation.channel());
                    insert.setString(3, conversation.accessTokenHash());
                    insert.setObject(4, timestamp(conversation.startedAt()));
                    insert.setObject(5, timestamp(conversation.startedAt()));
                    return insert.executeUpdate();
                }
            });
        } catch (SQLException e) {
            if (SqlStates.isUniqueViolation(e)) {
                throw new CouncilbotException("conversation_exists",
                        "A conversation with id " + conversation.id() + " already exists.");
            }
            throw failed("store conversation " + conversation.id(), e);
        }
    }

    @Override
    public Optional<Conversation> find(String conversationId) {
        Objects.requireNonNull(conversationId, "conversationId");
        String sql = "SELECT channel, access_token_hash, started_at FROM conversations WHERE id = ?";
        try {
            return database.inTransaction(connection -> {
                try (PreparedStatement select = connection.prepareStatement(sql)) {
                    select.setString(1, conversationId);
                    try (ResultSet row = select.executeQuery()) {
                        if (!row.next()) {
                            return Optional.empty();
                        }
                        return Optional.of(new Conversation(conversationId, row.getString(1),
                                row.getString(2), instant(row, 3)));
                    }
                }
            });
        } catch (SQLException e) {
            throw failed("read conversation " + conversationId, e);
        }
    }

    /**
     * Checks the sequence against the last stored turn, then inserts. Two appends racing for the
     * same sequence can both pass the check; the primary key then rejects one of them, reported
     * the same way as a failed check. The conversation's last activity is updated first, in the
     * same transaction, so a retention purge cannot delete it from under the new turn.
     */
    @Override
    public void append(Turn turn) {
        Objects.requireNonNull(turn, "turn");
        Turn stored = redaction.map(r -> r.forStorage(turn)).orElse(turn);
        String replyJson = json.write(stored.reply());
        boolean holdsFormAnswers = redaction.isPresent() && TranscriptRedaction.holdsFormAnswers(stored);
        try {
            database.inTransaction(connection -> {
                touch(connection, turn);
                int next = nextSequence(connection, turn.conversationId());
                if (turn.sequence() != next) {
                    throw outOfOrder(turn, "the next turn is " + next);
                }
                if (redaction.isPresent()) {
                    redactEarlierFormAnswers(connection, turn.conversationId(), redaction.get());
                }
                insert(connection, stored, replyJson, holdsFormAnswers);
                markForHandoff(connection, turn);
                return next;
            });
        } catch (SQLException e) {
            if (SqlStates.isUniqueViolation(e)) {
                throw outOfOrder(turn, "another turn with that sequence was stored first");
            }
            if (SqlStates.isMissingParent(e)) {
                throw new UnknownConversationException(turn.conversationId());
            }
            throw failed("append turn " + turn.sequence() + " to conversation " + turn.conversationId(), e);
        }
    }

    @Override
    public List<Turn> turns(String conversationId) {
        Objects.requireNonNull(conversationId, "conversationId");
        String sql = "SELECT sequence, resident_text, reply_json, at FROM turns"
                + " WHERE conversation_id = ? ORDER BY sequence";
        try {
            return database.inTransaction(connection -> {
                try (PreparedStatement select = connection.prepareStatement(sql)) {
                    select.setString(1, conversationId);
                    try (ResultSet rows = select.executeQuery()) {
                        List<Turn> turns = new ArrayList<>();
                        while (rows.next()) {
                            turns.add(turn(conversationId, rows));
                        }
                        return List.copyOf(turns);
                    }
                }
            });
        } catch (SQLException e) {
            throw failed("read the turns of conversation " + conversationId, e);
        }
    }

    /**
     * Marks the conversation active at the turn's time, locking its row until the turn is stored; a
     * missing conversation is reported by the sequence check that follows.
     */
    private static void touch(Connection connection, Turn turn) throws SQLException {
        String sql = "UPDATE conversations SET last_active_at = GREATEST(last_active_at, ?) WHERE id = ?";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setObject(1, timestamp(turn.at()));
            update.setString(2, turn.conversationId());
            update.executeUpdate();
        }
    }

    /**
     * Puts the conversation in the queue for a person when the reply hands over or raises a
     * safeguarding concern: in the turn's own transaction, so the request cannot be lost. A higher
     * priority replaces a lower one's reason; the time first asked is kept.
     */
    private static void markForHandoff(Connection connection, Turn turn) throws SQLException {
        Optional<HandoffPriority> priority = HandoffPriority.askedBy(turn.reply().action());
        if (priority.isEmpty()) {
            return;
        }
        String reason = turn.reply().why().reason();
        reason = reason.length() > MAX_HANDOFF_REASON ? reason.substring(0, MAX_HANDOFF_REASON - 1) + "…" : reason;
        String sql = "UPDATE conversations SET"
                + " handoff_reason = CASE WHEN COALESCE(handoff_priority, 0) < ? THEN ? ELSE handoff_reason END,"
                + " handoff_priority = GREATEST(COALESCE(handoff_priority, 0), ?),"
                + " handoff_requested_at = COALESCE(handoff_requested_at, ?) WHERE id = ?";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setInt(1, priority.get().rank());
            update.setString(2, reason);
            update.setInt(3, priority.get().rank());
            update.setObject(4, timestamp(turn.at()));
            update.setString(5, turn.conversationId());
            update.executeUpdate();
        }
    }

    /** Redacts the form answers an earlier turn kept for the form to go on: this turn takes over. */
    private void redactEarlierFormAnswers(Connection connection, String conversationId, TranscriptRedaction redaction)
            throws SQLException {
        String select = "SELECT sequence, reply_json FROM turns WHERE conversation_id = ? AND holds_form_answers = TRUE";
        String update = "UPDATE turns SET reply_json = ?, holds_form_answers = FALSE"
                + " WHERE conversation_id = ? AND sequence = ?";
        Map<Integer, BotReply> holding = new LinkedHashMap<>();
        try (PreparedStatement rows = connection.prepareStatement(select)) {
            rows.setString(1, conversationId);
            try (ResultSet row = rows.executeQuery()) {
                while (row.next()) {
                    holding.put(row.getInt(1), reply(conversationId, row.getInt(1), row.getString(2)));
                }
            }
        }
        for (Map.Entry<Integer, BotReply> earlier : holding.entrySet()) {
            try (PreparedStatement redact = connection.prepareStatement(update)) {
                redact.setString(1, json.write(redaction.withFormAnswersRedacted(earlier.getValue())));
                redact.setString(2, conversationId);
                redact.setInt(3, earlier.getKey());
                redact.executeUpdate();
            }
        }
    }

    /** One more than the last stored sequence; throws if the conversation does not exist. */
    private static int nextSequence(Connection connection, String conversationId) throws SQLException {
        String sql = "SELECT (SELECT MAX(t.sequence) FROM turns t WHERE t.conversation_id = c.id)"
                + " FROM conversations c WHERE c.id = ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, conversationId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new UnknownConversationException(conversationId);
                }
                return row.getInt(1) + 1; // getInt gives 0 for NULL: no turns yet
            }
        }
    }

    private static void insert(Connection connection, Turn turn, String replyJson, boolean holdsFormAnswers)
            throws SQLException {
        String sql = "INSERT INTO turns (conversation_id, sequence, resident_text, reply_text, action, reply_json, at,"
                + " holds_form_answers) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, turn.conversationId());
            insert.setInt(2, turn.sequence());
            insert.setString(3, turn.residentText());
            insert.setString(4, turn.reply().text());
            insert.setString(5, turn.reply().action().wireName());
            insert.setString(6, replyJson);
            insert.setObject(7, timestamp(turn.at()));
            insert.setBoolean(8, holdsFormAnswers);
            insert.executeUpdate();
        }
    }

    private Turn turn(String conversationId, ResultSet rows) throws SQLException {
        int sequence = rows.getInt(1);
        return new Turn(conversationId, sequence, rows.getString(2), reply(conversationId, sequence, rows.getString(3)),
                instant(rows, 4));
    }

    private BotReply reply(String conversationId, int sequence, String replyJson) {
        try {
            return json.read(replyJson);
        } catch (JsonProcessingException | RuntimeException e) {
            // The cause is left out: parser messages can quote the stored text.
            throw new CouncilbotException("store_failed", "The stored reply of turn " + sequence
                    + " in conversation " + conversationId + " cannot be read ("
                    + e.getClass().getSimpleName() + ").");
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return SqlTimes.timestamp(instant);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        return SqlTimes.instant(row, column);
    }

    private static CouncilbotException outOfOrder(Turn turn, String why) {
        return new CouncilbotException("turn_out_of_order", "Turn " + turn.sequence() + " of conversation "
                + turn.conversationId() + " is out of order: " + why + ".");
    }

    /** The driver's exception is not kept as the cause: its message can quote bound values. */
    private static CouncilbotException failed(String operation, SQLException e) {
        return new CouncilbotException("store_failed", "Could not " + operation + " ("
                + SqlStates.describe(e) + ").");
    }
}

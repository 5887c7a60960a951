package org.councilbot.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.councilbot.core.Action;
import org.councilbot.core.BotReply;
import org.councilbot.core.Citation;
import org.councilbot.core.Conversation;
import org.councilbot.core.FormField;
import org.councilbot.core.FormState;
import org.councilbot.core.IntakeReceipt;
import org.councilbot.core.PiiRedactor;
import org.councilbot.core.Rationale;
import org.councilbot.core.ServiceDeskUnavailableException;
import org.councilbot.core.ServiceRequest;
import org.councilbot.core.Turn;
import org.councilbot.core.testing.MutableClock;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What stored transcripts keep and for how long ({@code retention.*}), on every database councilbot
 * runs on. Each test gets an empty database; time only moves when a test moves the clock.
 */
abstract class TranscriptRetentionContract {
    static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");
    static final RetentionSettings NINETY_DAYS = new RetentionSettings(true, 90);
    private static final String EMAIL = "jo.bloggs@example.org";
    private static final String MOBILE = "07700 900123";
    private static final List<FormField> FIELDS = List.of(
            new FormField("contact", "Contact details", "An email or mobile?", FormField.FieldKind.CONTACT, false,
                    List.of()),
            new FormField("consent", "Contact allowed", "May we contact you?", FormField.FieldKind.YES_NO, false,
                    List.of()));

    private final MutableClock clock = new MutableClock(NOW);
    private final List<AutoCloseable> opened = new ArrayList<>();
    private DatabaseSettings settings;
    private CouncilDatabase database;

    /** Settings of an empty database for one test. */
    protected abstract DatabaseSettings freshDatabase() throws Exception;

    /** Removes what {@link #freshDatabase()} made, after its connections are closed. */
    protected abstract void dropDatabase() throws Exception;

    @BeforeEach
    void prepareDatabase() throws Exception {
        settings = freshDatabase();
    }

    /** The test's database, migrated when first asked for. */
    private CouncilDatabase database() {
        if (database == null) {
            database = CouncilDatabase.open(settings);
            opened.add(database);
        }
        return database;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        if (settings != null) {
            dropDatabase();
        }
    }

    private TranscriptPurge purge() {
        TranscriptPurge purge = TranscriptPurge.create(database(), NINETY_DAYS, clock);
        opened.add(purge);
        return purge;
    }

    private JdbcConversationStore redacting() {
        return JdbcConversationStore.redacting(database(), PiiRedactor.ukPatterns());
    }

    /** A conversation started at {@code started} with one turn at each of {@code turnsAt}. */
    private Conversation conversation(JdbcConversationStore store, Instant started, Instant... turnsAt) {
        Conversation conversation = new Conversation(ConversationStoreContract.newId(), "web", "", started);
        store.create(conversation);
        for (int i = 0; i < turnsAt.length; i++) {
            Turn turn = ConversationStoreContract.turn(conversation.id(), i + 1, "when is my bin collected?");
            store.append(new Turn(turn.conversationId(), turn.sequence(), turn.residentText(), turn.reply(), turnsAt[i]));
        }
        return conversation;
    }

    private static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    private long count(String sql, String parameter) throws Exception {
        return database().inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, parameter);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    private static Turn formTurn(String conversationId, int sequence, String residentText, String replyText,
                                 FormState.Stage stage, Map<String, List<String>> answers) {
        FormState form = new FormState("missed-bin", "Missed bin", stage, answers, FIELDS,
                stage == FormState.Stage.COLLECTING ? Optional.of("consent") : Optional.empty(),
                stage == FormState.Stage.SUBMITTED ? Optional.of("CB-TESTREF001") : Optional.empty(), Optional.empty());
        BotReply reply = new BotReply(replyText, Action.FORM, List.of(), List.of(), List.of("Yes", "No"),
                new Rationale("form:missed-bin", 1.0, "continuing the missed-bin form", "", List.of()),
                Optional.of(form));
        return new Turn(conversationId, sequence, residentText, reply, NOW.plusSeconds(sequence));
    }

    @Test
    void deletes_conversations_idle_for_longer_than_the_retention_period() throws Exception {
        // given
        JdbcConversationStore store = JdbcConversationStore.create(database());
        Conversation lastSpokeLongAgo = conversation(store, daysAgo(120), daysAgo(119), daysAgo(91));
        Conversation neverSpoke = conversation(store, daysAgo(91));
        Conversation cameBack = conversation(store, daysAgo(120), daysAgo(119), daysAgo(89));
        Conversation recent = conversation(store, daysAgo(1), daysAgo(1));

        // when
        int deleted = purge().purgeIdle();

        // then
        assertThat(deleted).isEqualTo(2);
        assertThat(store.find(lastSpokeLongAgo.id())).isEmpty();
        assertThat(store.find(neverSpoke.id())).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM turns WHERE conversation_id = ?", lastSpokeLongAgo.id())).isZero();
        assertThat(store.find(cameBack.id())).contains(cameBack);
        assertThat(store.turns(cameBack.id())).hasSize(2);
        assertThat(store.turns(recent.id())).hasSize(1);
    }

    @Test
    void a_conversation_is_deleted_once_the_clock_passes_its_retention() {
        JdbcConversationStore store = JdbcConversationStore.create(database());
        Conversation conversation = conversation(store, daysAgo(10), daysAgo(10));
        TranscriptPurge purge = purge();
        assertThat(purge.purgeIdle()).isZero();

        clock.advance(Duration.ofDays(80).minusSeconds(1));
        assertThat(purge.purgeIdle()).isZero();
        clock.advance(Duration.ofSeconds(2));

        assertThat(purge.purgeIdle()).isEqualTo(1);
        assertThat(store.find(conversation.id())).isEmpty();
    }

    @Test
    void deletes_more_idle_conversations_than_one_batch() {
        JdbcConversationStore store = JdbcConversationStore.create(database());
        IntStream.range(0, 520).forEach(i -> conversation(store, daysAgo(100)));
        Conversation kept = conversation(store, daysAgo(100), daysAgo(2));

        assertThat(purge().purgeIdle()).isEqualTo(520);
        assertThat(store.find(kept.id())).isPresent();
    }

    @Test
    void leaves_service_requests_of_deleted_conversations_in_the_outbox_and_the_inbox() throws Exception {
        // given: one request delivered to the council inbox, one still waiting in the outbox
        JdbcConversationStore store = JdbcConversationStore.create(database());
        Conversation conversation = conversation(store, daysAgo(100), daysAgo(95));
        CouncilInboxServiceDesk inbox = CouncilInboxServiceDesk.create(database(), new InboxSettings("TV"), clock);
        ScriptedDesk down = new ScriptedDesk();
        down.fail(new ServiceDeskUnavailableException("council system down"));
        ServiceRequest delivered = withConversation(TestRequests.missedBin(TestRequests.newReference()),
                conversation.id());
        ServiceRequest waiting = withConversation(TestRequests.missedBin(TestRequests.newReference()),
                conversation.id());
        IntakeReceipt receipt = intake(inbox).accept(delivered);
        intake(down).accept(waiting);

        // when
        assertThat(purge().purgeIdle()).isEqualTo(1);

        // then: both requests are there as the resident gave them
        assertThat(store.find(conversation.id())).isEmpty();
        assertThat(inbox.find(receipt.councilReference().orElseThrow()).orElseThrow().request()).isEqualTo(delivered);
        assertThat(intake(inbox).find(waiting.reference()).orElseThrow().state())
                .isEqualTo(IntakeReceipt.DeliveryState.PENDING);
        assertThat(count("SELECT COUNT(*) FROM service_request_outbox WHERE payload LIKE ?",
                "%" + delivered.contact().email() + "%")).isEqualTo(2);
    }

    private DurableServiceRequestIntake intake(org.councilbot.core.ServiceDesk desk) {
        DurableServiceRequestIntake intake = DurableServiceRequestIntake.builder().database(database()).serviceDesk(desk)
                .settings(ServiceRequestIntakeContract.SETTINGS).clock(clock).build();
        opened.add(intake);
        return intake;
    }

    private static ServiceRequest withConversation(ServiceRequest request, String conversationId) {
        return new ServiceRequest(request.reference(), request.serviceCode(), request.answers(), request.location(),
                request.description(), request.contact(), conversationId, request.confirmedAt());
    }

    @Test
    void the_daily_purge_runs_once_at_start() throws Exception {
        JdbcConversationStore store = JdbcConversationStore.create(database());
        Conversation idle = conversation(store, daysAgo(100), daysAgo(100));

        purge().start();

        // The first run is in the background: wait for it, a bounded while.
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (store.find(idle.id()).isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(store.find(idle.id())).isEmpty();
    }

    @Test
    void stores_the_residents_words_redacted_and_the_councils_answers_as_written() {
        // given
        JdbcConversationStore store = redacting();
        Conversation conversation = conversation(store, NOW);
        String asked = "I'm " + EMAIL + " on " + MOBILE + " at BF1 2AB, when is my bin collected?";
        BotReply answer = new BotReply("Bins are collected on Mondays. Call 01632 960100 if one is missed.",
                Action.ANSWER, List.of(new Citation("Bins", "https://example.gov.uk/bins")), List.of(), List.of(),
                new Rationale("question", 0.8, "best page covers 0.80 of the question", asked, List.of()));

        // when
        store.append(new Turn(conversation.id(), 1, asked, answer, NOW));

        // then
        Turn stored = store.turns(conversation.id()).get(0);
        assertThat(stored.residentText()).isEqualTo("I'm [email] on [phone] at [postcode], when is my bin collected?");
        assertThat(stored.reply().why().query()).isEqualTo(stored.residentText());
        assertThat(stored.reply().text()).isEqualTo(answer.text());
    }

    @Test
    void keeps_an_open_forms_answers_for_the_next_turn_only() throws Exception {
        // given: the resident gives contact details; the form goes on from the stored answers
        JdbcConversationStore store = redacting();
        Conversation conversation = conversation(store, NOW);
        Map<String, List<String>> given = Map.of("contact", List.of(EMAIL));
        store.append(formTurn(conversation.id(), 1, "it's " + EMAIL, "Thanks. May we contact you at " + EMAIL + "?",
                FormState.Stage.COLLECTING, given));
        Turn first = store.turns(conversation.id()).get(0);
        assertThat(first.residentText()).isEqualTo("it's [email]");
        assertThat(first.reply().text()).isEqualTo("Thanks. May we contact you at [email]?");
        assertThat(first.reply().form().orElseThrow().answers()).isEqualTo(given);

        // when: the next turn takes the form on
        Map<String, List<String>> confirming = Map.of("contact", List.of(EMAIL), "consent", List.of("yes"));
        store.append(formTurn(conversation.id(), 2, "yes", "Please check: contact " + EMAIL + ". Send it?",
                FormState.Stage.CONFIRMING, confirming));

        // then: only the latest turn holds the answers as given
        List<Turn> turns = store.turns(conversation.id());
        assertThat(turns.get(0).reply().form().orElseThrow().answers()).containsEntry("contact", List.of("[email]"));
        assertThat(turns.get(1).reply().form().orElseThrow().answers()).isEqualTo(confirming);
        assertThat(turns.get(1).reply().text()).isEqualTo("Please check: contact [email]. Send it?");
        assertThat(count("SELECT COUNT(*) FROM turns WHERE conversation_id = ? AND holds_form_answers = TRUE",
                conversation.id())).isEqualTo(1);
    }

    @Test
    void redacts_every_stored_answer_once_the_form_is_submitted() throws Exception {
        JdbcConversationStore store = redacting();
        Conversation conversation = conversation(store, NOW);
        Map<String, List<String>> answers = Map.of("contact", List.of(EMAIL, MOBILE), "consent", List.of("yes"));
        store.append(formTurn(conversation.id(), 1, "yes", "Please check: " + MOBILE + ". Send it?",
                FormState.Stage.CONFIRMING, answers));

        store.append(formTurn(conversation.id(), 2, "yes please", "Thank you, your reference is CB-TESTREF001.",
                FormState.Stage.SUBMITTED, answers));

        List<Turn> turns = store.turns(conversation.id());
        assertThat(turns).allSatisfy(turn -> assertThat(turn.reply().form().orElseThrow().answers())
                .containsEntry("contact", List.of("[email]", "[phone]")).containsEntry("consent", List.of("yes")));
        assertThat(turns.get(1).reply().form().orElseThrow().reference()).contains("CB-TESTREF001");
        assertThat(turns.get(1).reply().text()).isEqualTo("Thank you, your reference is CB-TESTREF001.");
        assertThat(count("SELECT COUNT(*) FROM turns WHERE conversation_id = ? AND holds_form_answers = TRUE",
                conversation.id())).isZero();
    }

    @Test
    void a_store_without_redaction_keeps_the_transcript_as_given() {
        JdbcConversationStore store = JdbcConversationStore.create(database());
        Conversation conversation = conversation(store, NOW);
        Turn turn = formTurn(conversation.id(), 1, "it's " + EMAIL, "Send it to " + EMAIL + "?",
                FormState.Stage.SUBMITTED, Map.of("contact", List.of(EMAIL)));

        store.append(turn);

        assertThat(store.turns(conversation.id())).containsExactly(turn);
    }

    @Test
    void dates_the_last_activity_of_conversations_stored_before_retention_existed() throws Exception {
        // given: a database at the schema before retention, with two conversations in it
        Flyway.configure().dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations("classpath:db/migration").target("3").load().migrate();
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(),
                settings.password()); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO conversations (id, channel, access_token_hash, started_at)"
                    + " VALUES ('old-talked', 'web', '', TIMESTAMP WITH TIME ZONE '2026-01-01 10:00:00+00'),"
                    + " ('old-silent', 'web', '', TIMESTAMP WITH TIME ZONE '2026-08-01 10:00:00+00')");
            statement.execute("INSERT INTO turns (conversation_id, sequence, resident_text, reply_text, action,"
                    + " reply_json, at) VALUES ('old-talked', 1, 'hi', 'Hello', 'smalltalk', '{}',"
                    + " TIMESTAMP WITH TIME ZONE '2026-09-30 10:00:00+00')");
        }

        // when: councilbot opens it and a purge runs on 1 December
        database();
        clock.advance(Duration.between(NOW, Instant.parse("2026-12-01T00:00:00Z")));
        int deleted = purge().purgeIdle();

        // then: the one that talked until 30 September is kept, the one silent since 1 August is not
        assertThat(deleted).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM conversations WHERE id = ?", "old-talked")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM conversations WHERE id = ?", "old-silent")).isZero();
    }
}

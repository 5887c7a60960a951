package org.councilbot.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.councilbot.core.CouncilbotException;
import org.councilbot.core.IntakeReceipt.DeliveryState;
import org.councilbot.core.IntakeReceipt;
import org.councilbot.core.ServiceDeskUnavailableException;
import org.councilbot.core.ServiceRequest;
import org.councilbot.core.ServiceRequestRejectedException;
import org.councilbot.core.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link DurableServiceRequestIntake} must do on every database it runs on. Each test gets
 * an empty database; time only moves when a test moves the clock.
 */
abstract class ServiceRequestIntakeContract {
    static final Instant START = Instant.parse("2026-03-02T09:30:00Z");
    static final OutboxSettings SETTINGS = new OutboxSettings(Duration.ofSeconds(10), Duration.ofMinutes(5), 5,
            Duration.ofMillis(5), Duration.ofMinutes(1));

    private final List<CouncilDatabase> opened = new ArrayList<>();
    private final List<DurableServiceRequestIntake> intakes = new ArrayList<>();
    protected final MutableClock clock = new MutableClock(START);
    protected final ScriptedDesk desk = new ScriptedDesk();
    private DatabaseSettings settings;
    private CouncilDatabase database;

    /** Settings of an empty database for one test. */
    protected abstract DatabaseSettings freshDatabase() throws Exception;

    /** Removes what {@link #freshDatabase()} made, after its connections are closed. */
    protected abstract void dropDatabase() throws Exception;

    @BeforeEach
    void openDatabase() throws Exception {
        settings = freshDatabase();
        database = open();
    }

    @AfterEach
    void closeAll() throws Exception {
        intakes.forEach(DurableServiceRequestIntake::close);
        opened.forEach(CouncilDatabase::close);
        if (settings != null) {
            dropDatabase();
        }
    }

    @Test
    void delivers_at_once_and_returns_the_council_reference() {
        ServiceRequest request = TestRequests.missedBin(TestRequests.newReference());

        IntakeReceipt receipt = intake().accept(request);

        assertThat(receipt).isEqualTo(new IntakeReceipt(request.reference(), DeliveryState.DELIVERED,
                Optional.of("C-" + request.reference())));
        assertThat(intake().find(request.reference())).contains(receipt);
        assertThat(desk.submissions(request.reference())).isEqualTo(1);
    }

    @Test
    void keeps_the_request_pending_when_the_council_is_unavailable() {
        // given
        desk.fail(new ServiceDeskUnavailableException("Open311 answered HTTP 503"));
        ServiceRequest request = TestRequests.missedBin(TestRequests.newReference());

        // when
        IntakeReceipt receipt = intake().accept(request);

        // then
        assertThat(receipt).isEqualTo(new IntakeReceipt(request.reference(), DeliveryState.PENDING, Optional.empty()));
        assertThat(intake().find(request.reference())).contains(receipt);
        assertThat(column(request.reference(), "last_error")).contains("HTTP 503");
        assertThat(column(request.reference(), "attempts")).isEqualTo("1");
    }

    @Test
    void stores_and_delivers_the_same_reference_once() {
        ServiceRequest request = TestRequests.missedBin(TestRequests.newReference());
        DurableServiceRequestIntake intake = intake();

        IntakeReceipt first = intake.accept(request);
        IntakeReceipt second = intake.accept(request);

        assertThat(second).isEqualTo(first);
        assertThat(desk.submissions(request.reference())).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM service_request_outbox")).isEqualTo(1);
    }

    @Test
    void accepting_a_pending_reference_again_does_not_send_it_again() {
        desk.fail(new ServiceDeskUnavailableException("down"));
        ServiceRequest request = TestRequests.missedBin(TestRequests.newReference());
        DurableServiceRequestIntake intake = intake();
        intake.accept(request);

        IntakeReceipt again = intake.accept(request);

        assertThat(again.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(desk.submissions(request.reference())).isEqualTo(1);
    }

    @Test
    void retries_when_due_with_the_same_reference() {
        // given: a first attempt that failed, with jitter that always waits the longest
        desk.fail(new ServiceDeskUnavailableException("down"));
        DurableServiceRequestIntake intake = intake(longestWait());
        ServiceRequest request = TestRequests.missedBin(TestRequests.newReference());
        intake.accept(request);
        desk.answer(r -> "C-" + r.reference());

        // when: not yet due, then due
        clock.advance(Duration.ofSeconds(10).minusMillis(1));
        int early = intake.deliverDue();
        clock.advance(Duration.ofMillis(1));
        int due = intake.deliverDue();

        // then
        assertThat(early).isZero();
        assertThat(due).isEqualTo(1);
        assertThat(intake.find(request.reference())).contains(new IntakeReceipt(request.reference(),
                DeliveryState.DELIVERED, Optional.of("C-" + request.reference())));
        assertThat(desk.submissions(request.reference())).isEqualTo(2);
    }

    @Test
    void waits_exponentially_longer_up_to_the_cap() {
        // given: the longest wait each time; base 10 s, cap 5 min; failures throughout
        desk.fail(new ServiceDeskUnavailableException("down"));
        OutboxSettings settings = new OutboxSettings(Duration.ofSeconds(10), Duration.ofSeconds(50), 6,
                Duration.ofMillis(5), Duration.ofMinutes(1));
        DurableServiceRequestIntake intake = intake(settings, longestWait());
        ServiceRequest request = TestRequests.missedBin(TestRequests.newReference());
        intake.accept(request);
        List<Long> waits = new ArrayList<>();

        // when: step the clock one second at a time and note when each retry happens
        Instant last = clock.instant();
        for (int second = 0; second < 400 && waits.size() < 4; second++) {
            clock.advance(Duration.ofSeconds(1));
            if (intake.deliverDue() == 1) {
                waits.add(Duration.between(last, clock.instant()).toSeconds());
                last = clock.instant();
            }
        }

        // then: 10, 20, 40, then capped at 50
        assertThat(waits).containsExactly(10L, 20L, 40L, 50L);
    }

    @Test
    void jitter_can_retry_at_once() {
        desk.fail(new ServiceDeskUnavailableException("down"));
        DurableServiceRequestIntake intake = intake(shortestWait());
        ServiceRequest request = TestRequests.missedBin(TestRequests.newReference());
        intake.accept(request);

        assertThat(intake.deliverDue()).isEqualTo(1);
    }

    @Test
    void dead_letters_a_request_the_council_refuses_without_retrying() {
        // given
        List<String> deadLettered = new CopyOnWriteArrayList<>();
        desk.fail(new ServiceRequestRejectedException("The council's Open311 server refused it (HTTP 400): service_code not found"));
        DurableServiceRequestIntake intake = builder().listener(new ServiceRequestListener() {
            @Override
            public void delivered(ServiceRequest request, String councilReference) {
            }

            @Override
            public void deadLettered(ServiceRequest request, String reason) {
                deadLettered.add(request.reference());
            }
        }).build();
        intakes.add(intake);
        ServiceRequest request = TestRequests.missedBin(TestRequests.newReference());

        // when
        IntakeReceipt receipt = intake.accept(request);
        clock.advance(Duration.ofDays(1));
        int later = intake.deliverDue();

        // then
        assertThat(receipt.state()).isEqualTo(DeliveryState.DEAD_LETTERED);
        assertThat(later).isZero();
        assertThat(intake.deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.request()).isEqualTo(request);
            assertThat(letter.attempts()).isEqualTo(1);
            assertThat(letter.lastError()).contains("service_code not found");
            assertThat(letter.acceptedAt()).isEqualTo(START);
        });
        assertThat(deadLettered).containsExactly(request.reference());
    }

    @Test
    void dead_letters_after_the_last_attempt() {
        desk.fail(new ServiceDeskUnavailableException("still down"));
        DurableServiceRequestIntake intake = intake(longestWait());
        ServiceRequest request = TestRequests.missedBin(TestRequests.newReference());
        intake.accept(request);

        for (int i = 0; i < 10; i++) {
            clock.advance(SETTINGS.maxDelay());
            intake.deliverDue();
        }

        assertThat(desk.submissions(request.reference())).isEqualTo(SETTINGS.maxAttempts());
        assertThat(intake.find(request.reference())).map(IntakeReceipt::state).contains(DeliveryState.DEAD_LETTERED);
        assertThat(intake.deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.attempts()).isEqualTo(5);
            assertThat(letter.lastError()).startsWith("Gave up after 5 attempts").contains("still down");
        });
    }

    @Test
    void staff_can_send_a_dead_letter_again() {
        desk.fail(new ServiceRequestRejectedException("refused"));
        DurableServiceRequestIntake intake = intake();
        ServiceRequest request = TestRequests.missedBin(TestRequests.newReference());
        intake.accept(request);
        desk.answer(r -> "C-fixed");

        boolean requeued = intake.retry(request.reference());
        intake.deliverDue();

        assertThat(requeued).isTrue();
        assertThat(intake.find(request.reference())).contains(new IntakeReceipt(request.reference(),
                DeliveryState.DELIVERED, Optional.of("C-fixed")));
        assertThat(intake.deadLetters()).isEmpty();
        assertThat(intake.retry(request.reference())).isFalse();
    }

    @Test
    void a_new_instance_delivers_what_a_stopped_one_left_pending() throws Exception {
        // given: requests accepted while the council was down, then the process stops
        desk.fail(new ServiceDeskUnavailableException("down"));
        DurableServiceRequestIntake first = intake(longestWait());
        List<ServiceRequest> requests = List.of(TestRequests.missedBin(TestRequests.newReference()),
                TestRequests.flyTipping(TestRequests.newReference()));
        requests.forEach(first::accept);
        first.close();
        database.close();

        // when: a new process starts over the same database after the council recovers
        database = open();
        desk.answer(r -> "C-" + r.reference());
        DurableServiceRequestIntake second = intake(longestWait());
        clock.advance(SETTINGS.baseDelay());
        int delivered = second.deliverDue();

        // then
        assertThat(delivered).isEqualTo(2);
        for (ServiceRequest request : requests) {
            assertThat(second.find(request.reference())).contains(new IntakeReceipt(request.reference(),
                    DeliveryState.DELIVERED, Optional.of("C-" + request.reference())));
            assertThat(desk.submissions(request.reference())).isEqualTo(2);
        }
    }

    @Test
    void takes_over_a_claim_left_by_a_node_that_died_mid_delivery() {
        // given: a row another node claimed and never finished
        desk.fail(new ServiceDeskUnavailableException("down"));
        DurableServiceRequestIntake intake = intake(shortestWait());
        ServiceRequest request = TestRequests.missedBin(TestRequests.newReference());
        intake.accept(request);
        new OutboxStore(database).claimDue(clock.instant(), clock.instant().plus(SETTINGS.claimTimeout()),
                "dead-node", 10);
        desk.answer(r -> "C-" + r.reference());

        // when
        clock.advance(SETTINGS.claimTimeout().minusSeconds(1));
        int whileClaimed = intake.deliverDue();
        clock.advance(Duration.ofSeconds(1));
        int afterExpiry = intake.deliverDue();

        // then
        assertThat(whileClaimed).isZero();
        assertThat(afterExpiry).isEqualTo(1);
        assertThat(intake.find(request.reference())).map(IntakeReceipt::state).contains(DeliveryState.DELIVERED);
    }

    @Test
    void two_nodes_never_deliver_one_request_twice() throws Exception {
        // given: 40 requests pending, two nodes with a pool each over the same database
        desk.fail(new ServiceDeskUnavailableException("down"));
        DurableServiceRequestIntake nodeA = intake(shortestWait());
        List<ServiceRequest> requests = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ServiceRequest request = TestRequests.missedBin(TestRequests.newReference());
            nodeA.accept(request);
            requests.add(request);
        }
        DurableServiceRequestIntake nodeB = intake(open(), SETTINGS, shortestWait());
        desk.answer(r -> "C-" + r.reference());
        desk.pause(2);

        // when: both poll at once, from two threads each
        List<Callable<Integer>> pollers = new ArrayList<>();
        CyclicBarrier start = new CyclicBarrier(4);
        for (DurableServiceRequestIntake node : List.of(nodeA, nodeB, nodeA, nodeB)) {
            pollers.add(() -> {
                start.await(10, TimeUnit.SECONDS);
                int attempts = 0;
                for (int round = 0; round < 3; round++) {
                    attempts += node.deliverDue();
                }
                return attempts;
            });
        }
        int attempts = Concurrently.runTogether(pollers).stream().mapToInt(Integer::intValue).sum();

        // then: each request sent once more (after its failed first try), never concurrently
        assertThat(attempts).isEqualTo(40);
        assertThat(desk.mostConcurrentDeliveriesOfOneRequest()).isEqualTo(1);
        for (ServiceRequest request : requests) {
            assertThat(desk.submissions(request.reference())).as(request.reference()).isEqualTo(2);
            assertThat(nodeB.find(request.reference())).map(IntakeReceipt::state).contains(DeliveryState.DELIVERED);
        }
    }

    @Test
    void tells_listeners_the_council_reference_and_survives_a_failing_one() {
        // given
        List<String> told = new CopyOnWriteArrayList<>();
        DurableServiceRequestIntake intake = builder()
                .listener((request, councilReference) -> {
                    throw new IllegalStateException("confirmation service exploded");
                })
                .listener((request, councilReference) -> told.add(request.reference() + "=" + councilReference))
                .build();
        intakes.add(intake);
        ServiceRequest request = TestRequests.missedBin(TestRequests.newReference());

        // when
        IntakeReceipt receipt = intake.accept(request);

        // then
        assertThat(receipt.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(told).containsExactly(request.reference() + "=C-" + request.reference());
    }

    @Test
    void tells_listeners_when_a_retry_delivers() {
        List<String> told = new CopyOnWriteArrayList<>();
        desk.fail(new ServiceDeskUnavailableException("down"));
        DurableServiceRequestIntake intake = builder().random(shortestWait())
                .listener((request, councilReference) -> told.add(councilReference)).build();
        intakes.add(intake);
        ServiceRequest request = TestRequests.missedBin(TestRequests.newReference());
        intake.accept(request);
        desk.answer(r -> "C-later");

        intake.deliverDue();

        assertThat(told).containsExactly("C-later");
    }

    @Test
    void asks_for_a_promised_reference_instead_of_sending_again() {
        // given: the council took the request under a token (Open311's deferred reference)
        desk.fail(new ReferenceToFollowException("tok-42"));
        DurableServiceRequestIntake intake = intake(shortestWait());
        ServiceRequest request = TestRequests.missedBin(TestRequests.newReference());
        IntakeReceipt receipt = intake.accept(request);

        // when: first the council has no reference yet, then it has
        intake.deliverDue();
        desk.tokens(token -> Optional.of("C-from-token"));
        intake.deliverDue();

        // then
        assertThat(receipt.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(desk.submissions(request.reference())).isEqualTo(1);
        assertThat(desk.tokenLookups()).containsExactly("tok-42", "tok-42");
        assertThat(intake.find(request.reference())).contains(new IntakeReceipt(request.reference(),
                DeliveryState.DELIVERED, Optional.of("C-from-token")));
    }

    @Test
    void keeps_retrying_a_desk_that_fails_unexpectedly() {
        desk.fail(new NullPointerException("bug in an adapter"));
        DurableServiceRequestIntake intake = intake(shortestWait());
        ServiceRequest request = TestRequests.missedBin(TestRequests.newReference());

        IntakeReceipt receipt = intake.accept(request);

        assertThat(receipt.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(column(request.reference(), "last_error")).contains("NullPointerException");
    }

    @Test
    void dead_letters_a_stored_request_it_cannot_read() throws Exception {
        desk.fail(new ServiceDeskUnavailableException("down"));
        DurableServiceRequestIntake intake = intake(shortestWait());
        ServiceRequest request = TestRequests.missedBin(TestRequests.newReference());
        intake.accept(request);
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE service_request_outbox SET payload = '{not json' WHERE reference = ?")) {
                update.setString(1, request.reference());
                return update.executeUpdate();
            }
        });

        intake.deliverDue();

        assertThat(intake.find(request.reference())).map(IntakeReceipt::state).contains(DeliveryState.DEAD_LETTERED);
        assertThat(column(request.reference(), "last_error")).contains("cannot be read");
    }

    @Test
    void the_background_deliverer_retries_until_closed() throws Exception {
        // given
        desk.fail(new ServiceDeskUnavailableException("down"));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            DurableServiceRequestIntake intake = builder().random(shortestWait()).scheduler(scheduler).build();
            intakes.add(intake);
            ServiceRequest request = TestRequests.missedBin(TestRequests.newReference());
            intake.accept(request);
            desk.answer(r -> "C-bg");

            // when
            intake.start();
            Instant deadline = Instant.now().plusSeconds(10);
            while (intake.find(request.reference()).map(IntakeReceipt::state).orElseThrow() != DeliveryState.DELIVERED
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(2);
            }
            intake.close();

            // then
            assertThat(intake.find(request.reference())).map(IntakeReceipt::councilReference).contains(Optional.of("C-bg"));
            assertThatThrownBy(intake::start).isInstanceOf(IllegalStateException.class);
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void refuses_a_request_without_a_usable_reference() {
        ServiceRequest request = TestRequests.missedBin("x".repeat(129));

        assertThatThrownBy(() -> intake().accept(request))
                .isInstanceOfSatisfying(CouncilbotException.class, e -> assertThat(e.code()).isEqualTo("invalid_request"));
        assertThat(desk.totalSubmissions()).isZero();
    }

    @Test
    void says_the_request_was_not_taken_when_the_database_is_down() {
        DurableServiceRequestIntake intake = intake();
        database.close();

        assertThatThrownBy(() -> intake.accept(TestRequests.missedBin(TestRequests.newReference())))
                .isInstanceOfSatisfying(CouncilbotException.class, e -> assertThat(e.code()).isEqualTo("intake_failed"))
                .hasMessageNotContaining("Mill Lane");
        assertThat(desk.totalSubmissions()).isZero();
    }

    @Test
    void reports_the_delivery_when_its_outcome_cannot_be_recorded() {
        // Regression: a database failure after delivery must not tell the resident the request was lost.
        DurableServiceRequestIntake intake = intake();
        desk.answer(r -> {
            database.close();
            return "C-" + r.reference();
        });
        ServiceRequest request = TestRequests.missedBin(TestRequests.newReference());

        IntakeReceipt receipt = intake.accept(request);

        assertThat(receipt).isEqualTo(new IntakeReceipt(request.reference(), DeliveryState.DELIVERED,
                Optional.of("C-" + request.reference())));
    }

    // --- helpers

    protected CouncilDatabase database() {
        return database;
    }

    protected CouncilDatabase open() {
        CouncilDatabase db = CouncilDatabase.open(settings);
        opened.add(db);
        return db;
    }

    DurableServiceRequestIntake.Builder builder() {
        return DurableServiceRequestIntake.builder().database(database).serviceDesk(desk).settings(SETTINGS).clock(clock);
    }

    DurableServiceRequestIntake intake() {
        return intake(longestWait());
    }

    DurableServiceRequestIntake intake(RandomGenerator random) {
        return intake(SETTINGS, random);
    }

    DurableServiceRequestIntake intake(OutboxSettings outboxSettings, RandomGenerator random) {
        return intake(database, outboxSettings, random);
    }

    DurableServiceRequestIntake intake(CouncilDatabase db, OutboxSettings outboxSettings, RandomGenerator random) {
        DurableServiceRequestIntake intake = DurableServiceRequestIntake.builder().database(db).serviceDesk(desk)
                .settings(outboxSettings).clock(clock).random(random).build();
        intakes.add(intake);
        return intake;
    }

    /** Jitter that always picks the longest wait. */
    static RandomGenerator longestWait() {
        return new FixedRandom(true);
    }

    /** Jitter that always picks no wait at all. */
    static RandomGenerator shortestWait() {
        return new FixedRandom(false);
    }

    String column(String reference, String column) {
        try {
            return database.inTransaction(connection -> {
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT " + column + " FROM service_request_outbox WHERE reference = ?")) {
                    select.setString(1, reference);
                    try (ResultSet row = select.executeQuery()) {
                        row.next();
                        return row.getString(1);
                    }
                }
            });
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String sql) {
        try {
            return database.inTransaction(connection -> {
                try (PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            });
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }


    /** Random numbers pinned to one end of the range. */
    private record FixedRandom(boolean highest) implements RandomGenerator {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public long nextLong(long bound) {
            return highest ? bound - 1 : 0;
        }
    }
}

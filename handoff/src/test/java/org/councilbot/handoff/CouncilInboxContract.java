package org.councilbot.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.councilbot.core.CouncilbotException;
import org.councilbot.core.IntakeReceipt;
import org.councilbot.core.RequestStatus;
import org.councilbot.core.ServiceDeskUnavailableException;
import org.councilbot.core.ServiceRequest;
import org.councilbot.core.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link CouncilInboxServiceDesk} must do on every database; each test gets an empty one. */
abstract class CouncilInboxContract {
    static final Instant RECEIVED = Instant.parse("2026-05-11T10:00:00Z");

    private final MutableClock clock = new MutableClock(RECEIVED);
    private CouncilDatabase database;
    private CouncilInboxServiceDesk inbox;

    protected abstract DatabaseSettings freshDatabase() throws Exception;

    protected abstract void dropDatabase() throws Exception;

    @BeforeEach
    void openInbox() throws Exception {
        database = CouncilDatabase.open(freshDatabase());
        inbox = CouncilInboxServiceDesk.create(database, new InboxSettings("BF"), clock);
    }

    @AfterEach
    void closeInbox() throws Exception {
        if (database != null) {
            database.close();
            dropDatabase();
        }
    }

    @Test
    void gives_council_references_with_prefix_year_and_number() {
        String first = inbox.submit(TestRequests.missedBin(TestRequests.newReference()));
        String second = inbox.submit(TestRequests.flyTipping(TestRequests.newReference()));

        assertThat(first).isEqualTo("BF-2026-000001");
        assertThat(second).isEqualTo("BF-2026-000002");
    }

    @Test
    void gives_the_same_reference_when_a_request_is_delivered_again() {
        ServiceRequest request = TestRequests.missedBin(TestRequests.newReference());

        String first = inbox.submit(request);
        String again = inbox.submit(request);

        assertThat(again).isEqualTo(first);
        assertThat(inbox.list(0, 10).total()).isEqualTo(1);
    }

    @Test
    void concurrent_deliveries_of_one_request_make_one_entry() throws Exception {
        ServiceRequest request = TestRequests.missedBin(TestRequests.newReference());
        CyclicBarrier start = new CyclicBarrier(4);
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tasks.add(() -> {
                start.await(10, TimeUnit.SECONDS);
                return inbox.submit(request);
            });
        }

        List<String> references = Concurrently.runTogether(tasks);

        assertThat(references).containsOnly(references.getFirst());
        assertThat(inbox.list(0, 10).total()).isEqualTo(1);
    }

    @Test
    void reports_an_open_status_by_council_reference() {
        ServiceRequest request = TestRequests.missedBin(TestRequests.newReference());
        String reference = inbox.submit(request);

        Optional<RequestStatus> status = inbox.status(reference);

        assertThat(status).contains(new RequestStatus(reference, "missed-bin", "open", "", RECEIVED, Optional.of(RECEIVED)));
        assertThat(inbox.status("BF-2026-999999")).isEmpty();
    }

    @Test
    void staff_change_the_status_the_resident_then_sees() {
        String reference = inbox.submit(TestRequests.missedBin(TestRequests.newReference()));
        clock.advance(Duration.ofHours(3));

        boolean updated = inbox.updateStatus(reference, "closed", "Crew returned and emptied the bin.");

        assertThat(updated).isTrue();
        assertThat(inbox.status(reference)).hasValueSatisfying(status -> {
            assertThat(status.status()).isEqualTo("closed");
            assertThat(status.statusNotes()).isEqualTo("Crew returned and emptied the bin.");
            assertThat(status.updatedAt()).contains(RECEIVED.plus(Duration.ofHours(3)));
        });
        assertThat(inbox.updateStatus("BF-2026-999999", "closed", "")).isFalse();
    }

    @Test
    void refuses_a_status_that_is_not_a_word() {
        String reference = inbox.submit(TestRequests.missedBin(TestRequests.newReference()));

        assertThatThrownBy(() -> inbox.updateStatus(reference, "Closed; DROP TABLE", ""))
                .isInstanceOfSatisfying(CouncilbotException.class, e -> assertThat(e.code()).isEqualTo("invalid_status"));
    }

    @Test
    void lists_pages_newest_first_with_the_whole_request() {
        // given
        List<ServiceRequest> requests = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ServiceRequest request = TestRequests.missedBin(TestRequests.newReference());
            requests.add(request);
            inbox.submit(request);
            clock.advance(Duration.ofMinutes(1));
        }

        // when
        InboxPage first = inbox.list(0, 2);
        InboxPage last = inbox.list(2, 2);

        // then
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.hasNext()).isTrue();
        assertThat(first.entries()).extracting(InboxEntry::councilReference)
                .containsExactly("BF-2026-000005", "BF-2026-000004");
        assertThat(first.entries().getFirst().request()).isEqualTo(requests.get(4));
        assertThat(last.entries()).extracting(InboxEntry::councilReference).containsExactly("BF-2026-000001");
        assertThat(last.hasNext()).isFalse();
        assertThat(inbox.list(3, 2).entries()).isEmpty();
    }

    @Test
    void refuses_pages_that_are_out_of_range() {
        assertThatThrownBy(() -> inbox.list(-1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> inbox.list(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> inbox.list(0, 101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_database_outage_is_worth_retrying() {
        database.close();

        assertThatThrownBy(() -> inbox.submit(TestRequests.missedBin(TestRequests.newReference())))
                .isInstanceOf(ServiceDeskUnavailableException.class)
                .hasMessageNotContaining("Mill Lane");
    }

    @Test
    void works_behind_the_durable_outbox() {
        // The demo's wiring: the outbox delivers into the inbox, and the resident gets its reference.
        DurableServiceRequestIntake intake = DurableServiceRequestIntake.builder().database(database)
                .serviceDesk(inbox).settings(OutboxSettings.defaults()).clock(clock).build();
        ServiceRequest request = TestRequests.missedBin(TestRequests.newReference());

        IntakeReceipt receipt = intake.accept(request);

        assertThat(receipt.councilReference()).contains("BF-2026-000001");
        assertThat(inbox.find("BF-2026-000001")).map(InboxEntry::request).contains(request);
        intake.close();
    }

}

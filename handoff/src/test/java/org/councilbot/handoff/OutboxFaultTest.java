package org.councilbot.handoff;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.councilbot.core.IntakeReceipt.DeliveryState;
import org.councilbot.core.IntakeReceipt;
import org.councilbot.core.ServiceRequest;
import org.councilbot.core.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault test: the council's Open311 server answers 503 for a while, the process is
 * stopped and started again in the middle, then the server recovers; every confirmed request
 * must arrive exactly once and end DELIVERED with the council's reference.
 */
class OutboxFaultTest {
    static final int REQUESTS = 12;
    static final String REQUESTS_PATH = "/open311/v2/requests.json";

    @RegisterExtension
    static WireMockExtension council = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().globalTemplating(true)).build();

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final OutboxSettings settings = new OutboxSettings(Duration.ofSeconds(5), Duration.ofMinutes(2), 20,
            Duration.ofSeconds(1), Duration.ofMinutes(1));

    @Test
    void every_request_arrives_exactly_once_across_an_outage_and_a_restart() {
        // given: the council's server is down
        council.stubFor(post(REQUESTS_PATH).willReturn(aResponse().withStatus(503)
                .withBody("[{\"code\":503,\"description\":\"Service temporarily unavailable\"}]")));
        Open311ServiceDesk desk = Open311ServiceDesk.create(new Open311Settings(council.baseUrl() + "/open311/v2",
                "key", "", "json", Duration.ofSeconds(2), Duration.ofHours(1)),
                FileServiceCatalogue.load(FileServiceCatalogueTest.DEMO));
        List<ServiceRequest> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String reference = "CB-FAULT-" + i;
            requests.add(i % 2 == 0 ? TestRequests.missedBin(reference) : TestRequests.flyTipping(reference));
        }

        // when: residents confirm during the outage, and the first process retries for a while
        CouncilDatabase firstDatabase = CouncilDatabase.open(DatabaseSettings.embedded(dataDir));
        DurableServiceRequestIntake first = intake(firstDatabase, desk);
        List<IntakeReceipt> receipts = requests.stream().map(first::accept).toList();
        for (int step = 0; step < 3; step++) {
            clock.advance(Duration.ofSeconds(30));
            first.deliverDue();
        }
        int attemptsDuringOutage = council.getAllServeEvents().size();

        // and: the process stops
        first.close();
        firstDatabase.close();

        // and: a new process starts, then the council recovers
        try (CouncilDatabase database = CouncilDatabase.open(DatabaseSettings.embedded(dataDir))) {
            DurableServiceRequestIntake second = intake(database, desk);
            council.resetAll();
            council.stubFor(post(REQUESTS_PATH).willReturn(aResponse().withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody("[{\"service_request_id\":\"OPEN311-{{request.headers.Idempotency-Key}}\"}]")));
            int attemptsAfterRecovery = 0;
            for (int step = 0; step < 10; step++) {
                clock.advance(settings.maxDelay());
                attemptsAfterRecovery += second.deliverDue();
            }

            // then: every request pending while down, delivered exactly once after
            assertThat(receipts).allSatisfy(receipt -> assertThat(receipt.state()).isEqualTo(DeliveryState.PENDING));
            // the first attempt and three retries each: backoff ceilings of 5, 10 and 20 s all fit in 30 s steps
            assertThat(attemptsDuringOutage).isEqualTo(REQUESTS * 4);
            Map<String, Long> deliveredPerKey = council.getAllServeEvents().stream()
                    .filter(event -> event.getResponse().getStatus() == 201)
                    .collect(Collectors.groupingBy(OutboxFaultTest::idempotencyKey, Collectors.counting()));
            assertThat(deliveredPerKey).hasSize(REQUESTS).allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1L));
            assertThat(attemptsAfterRecovery).isEqualTo(REQUESTS);
            for (ServiceRequest request : requests) {
                assertThat(second.find(request.reference())).contains(new IntakeReceipt(request.reference(),
                        DeliveryState.DELIVERED, Optional.of("OPEN311-" + request.reference())));
            }
            assertThat(second.deadLetters()).isEmpty();
            second.close();
        }
    }

    private DurableServiceRequestIntake intake(CouncilDatabase database, Open311ServiceDesk desk) {
        return DurableServiceRequestIntake.builder().database(database).serviceDesk(desk).settings(settings)
                .clock(clock).random(new Random(311)).build();
    }

    private static String idempotencyKey(ServeEvent event) {
        return event.getRequest().getHeader("Idempotency-Key");
    }
}

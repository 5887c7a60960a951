package org.councilbot.handoff;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.councilbot.core.IntakeReceipt.DeliveryState;
import org.councilbot.core.IntakeReceipt;
import org.councilbot.core.ResidentContact;
import org.councilbot.core.ServiceRequest;
import org.councilbot.core.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Confirmations through GOV.UK Notify's v2 API, its real request and error shapes and its JWT. */
class NotifyConfirmationsTest {
    static final String SERVICE_ID = "26785a09-ab16-4eb0-8407-a37497a57506";
    static final String SECRET = "3d844edf-8d35-48ac-975b-e847b4f122b0";
    static final String API_KEY = "councilbot_test-" + SERVICE_ID + "-" + SECRET;
    static final String EMAIL_TEMPLATE = "f33517ff-2a88-4f6e-b855-c550268ce08a";
    static final String SMS_TEMPLATE = "a5f8a1c4-5c3e-4b0b-9f2a-0b4c1a6d9e21";
    static final String CREATED = """
            {"id":"740e5834-3a29-46b4-9a6f-16142fde533a","reference":"CB-1","content":{"subject":"Your report",
             "body":"Your reference is BF-2026-000123","from_email":"noreply@brackenford.example.gov.uk"},
             "uri":"https://api.notifications.service.gov.uk/v2/notifications/740e5834-3a29-46b4-9a6f-16142fde533a",
             "template":{"id":"f33517ff-2a88-4f6e-b855-c550268ce08a","version":1,
             "uri":"https://api.notifications.service.gov.uk/v2/templates/f33517ff-2a88-4f6e-b855-c550268ce08a"}}""";

    @RegisterExtension
    static WireMockExtension notify = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final MutableClock clock = new MutableClock(Instant.now());

    @Test
    void emails_the_council_reference_with_the_service_name() throws Exception {
        // given
        notify.stubFor(post("/v2/notifications/email").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(CREATED)));
        ServiceRequest request = TestRequests.missedBin("CB-1");

        // when
        NotifyConfirmations.Outcome outcome = confirmations(Duration.ofSeconds(2)).confirm(request, "BF-2026-000123")
                .get(5, TimeUnit.SECONDS);

        // then
        assertThat(outcome).isEqualTo(NotifyConfirmations.Outcome.SENT_EMAIL);
        notify.verify(postRequestedFor(urlEqualTo("/v2/notifications/email"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"email_address":"mary@example.org","template_id":"%s",
                         "personalisation":{"reference":"BF-2026-000123","service_name":"Missed bin collection",
                                            "councilbot_reference":"CB-1"},
                         "reference":"CB-1"}""".formatted(EMAIL_TEMPLATE))));
    }

    @Test
    void texts_when_the_resident_gave_only_a_phone_number() throws Exception {
        notify.stubFor(post("/v2/notifications/sms").willReturn(aResponse().withStatus(201).withBody(CREATED)));
        ServiceRequest request = TestRequests.withContact("CB-2", new ResidentContact("Sam", "", "07700 900123", true));

        NotifyConfirmations.Outcome outcome = confirmations(Duration.ofSeconds(2)).confirm(request, "BF-2026-000124")
                .get(5, TimeUnit.SECONDS);

        assertThat(outcome).isEqualTo(NotifyConfirmations.Outcome.SENT_SMS);
        notify.verify(postRequestedFor(urlEqualTo("/v2/notifications/sms")).withRequestBody(equalToJson("""
                {"phone_number":"07700 900123","template_id":"%s",
                 "personalisation":{"reference":"BF-2026-000124","service_name":"Missed bin collection",
                                    "councilbot_reference":"CB-2"},
                 "reference":"CB-2"}""".formatted(SMS_TEMPLATE))));
    }

    @Test
    void signs_a_jwt_notify_accepts() throws Exception {
        // given
        notify.stubFor(post("/v2/notifications/email").willReturn(aResponse().withStatus(201).withBody(CREATED)));

        // when
        confirmations(Duration.ofSeconds(2)).confirm(TestRequests.missedBin("CB-3"), "BF-1").get(5, TimeUnit.SECONDS);

        // then: HS256 over header.claims with the secret, iss the service id, iat within 30 s of now
        String authorization = notify.getAllServeEvents().getFirst().getRequest().getHeader("Authorization");
        assertThat(authorization).startsWith("Bearer ");
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        assertThat(parts).hasSize(3);
        JsonMapper json = JsonMapper.builder().build();
        JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(header.path("alg").asText()).isEqualTo("HS256");
        assertThat(header.path("typ").asText()).isEqualTo("JWT");
        assertThat(claims.path("iss").asText()).isEqualTo(SERVICE_ID);
        assertThat(claims.path("iat").asLong()).isBetween(Instant.now().getEpochSecond() - 30, Instant.now().getEpochSecond() + 30);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.UTF_8));
        assertThat(Base64.getUrlDecoder().decode(parts[2])).isEqualTo(expected);
        assertThat(authorization).doesNotContain(SECRET);
    }

    @Test
    void sends_nothing_without_consent_or_contact_details() throws Exception {
        NotifyConfirmations confirmations = confirmations(Duration.ofSeconds(2));

        NotifyConfirmations.Outcome noConsent = confirmations.confirm(TestRequests.withContact("CB-4",
                new ResidentContact("Sam", "sam@example.org", "", false)), "BF-1").get(5, TimeUnit.SECONDS);
        NotifyConfirmations.Outcome noContact = confirmations.confirm(TestRequests.withContact("CB-5",
                new ResidentContact("Sam", "", "", true)), "BF-1").get(5, TimeUnit.SECONDS);

        assertThat(noConsent).isEqualTo(NotifyConfirmations.Outcome.NO_CONSENT);
        assertThat(noContact).isEqualTo(NotifyConfirmations.Outcome.NO_CONTACT);
        assertThat(notify.getAllServeEvents()).isEmpty();
    }

    @Test
    void reports_each_notify_failure_as_failed_without_throwing() throws Exception {
        String[][] failures = {
                {"400", "{\"status_code\":400,\"errors\":[{\"error\":\"BadRequestError\",\"message\":\"Can't send to this recipient using a team-only API key\"}]}"},
                {"403", "{\"status_code\":403,\"errors\":[{\"error\":\"AuthError\",\"message\":\"Invalid token: API key not found\"}]}"},
                {"429", "{\"status_code\":429,\"errors\":[{\"error\":\"RateLimitError\",\"message\":\"Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds\"}]}"},
                {"500", "{\"status_code\":500,\"errors\":[{\"error\":\"Exception\",\"message\":\"Internal server error\"}]}"},
        };
        for (String[] failure : failures) {
            notify.stubFor(post("/v2/notifications/email").willReturn(aResponse().withStatus(Integer.parseInt(failure[0]))
                    .withHeader("Content-Type", "application/json").withBody(failure[1])));

            NotifyConfirmations.Outcome outcome = confirmations(Duration.ofSeconds(2))
                    .confirm(TestRequests.missedBin("CB-6"), "BF-1").get(5, TimeUnit.SECONDS);

            assertThat(outcome).as("HTTP %s", failure[0]).isEqualTo(NotifyConfirmations.Outcome.FAILED);
        }
    }

    @Test
    void a_notify_timeout_is_a_failure() throws Exception {
        notify.stubFor(post("/v2/notifications/email").willReturn(aResponse().withStatus(201).withFixedDelay(2000).withBody(CREATED)));

        NotifyConfirmations.Outcome outcome = confirmations(Duration.ofMillis(200)).confirm(TestRequests.missedBin("CB-7"), "BF-1")
                .get(5, TimeUnit.SECONDS);

        assertThat(outcome).isEqualTo(NotifyConfirmations.Outcome.FAILED);
    }

    @Test
    void a_failing_notify_neither_blocks_nor_loses_the_request(@TempDir Path dataDir) throws Exception {
        // given: Notify slow and failing, the outbox delivering into the built-in inbox
        notify.stubFor(post("/v2/notifications/email").willReturn(aResponse().withStatus(500).withFixedDelay(1500)
                .withBody("{\"status_code\":500,\"errors\":[{\"error\":\"Exception\",\"message\":\"Internal server error\"}]}")));
        try (CouncilDatabase database = CouncilDatabase.open(DatabaseSettings.embedded(dataDir))) {
            CouncilInboxServiceDesk inbox = CouncilInboxServiceDesk.create(database, new InboxSettings("BF"), clock);
            DurableServiceRequestIntake intake = DurableServiceRequestIntake.builder().database(database)
                    .serviceDesk(inbox).settings(OutboxSettings.defaults()).clock(clock)
                    .listener(confirmations(Duration.ofSeconds(1))).build();
            ServiceRequest request = TestRequests.missedBin(TestRequests.newReference());

            // when
            long started = System.nanoTime();
            IntakeReceipt receipt = intake.accept(request);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            // then
            assertThat(receipt.state()).isEqualTo(DeliveryState.DELIVERED);
            assertThat(took).isLessThan(Duration.ofMillis(900));
            assertThat(intake.find(request.reference())).contains(receipt);
            assertThat(inbox.find(receipt.councilReference().orElseThrow())).isPresent();
            intake.close();
        }
    }

    private NotifyConfirmations confirmations(Duration timeout) {
        NotifySettings settings = new NotifySettings(notify.baseUrl(), API_KEY, EMAIL_TEMPLATE, SMS_TEMPLATE, timeout);
        return NotifyConfirmations.create(settings, FileServiceCatalogue.load(FileServiceCatalogueTest.DEMO), clock);
    }
}

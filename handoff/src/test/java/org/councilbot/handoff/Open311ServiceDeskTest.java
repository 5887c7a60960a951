package org.councilbot.handoff;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.councilbot.core.RequestStatus;
import org.councilbot.core.ServiceCatalogue;
import org.councilbot.core.ServiceDeskUnavailableException;
import org.councilbot.core.ServiceRequest;
import org.councilbot.core.ServiceRequestRejectedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Open311 client against the spec's JSON shapes (GeoReport v2). */
class Open311ServiceDeskTest {
    static final String API_KEY = "xyz-secret-api-key-123";
    static final String REQUESTS = "/open311/v2/requests.json";

    @RegisterExtension
    static WireMockExtension council = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final ServiceCatalogue demo = FileServiceCatalogue.load(FileServiceCatalogueTest.DEMO);

    @Test
    void posts_the_request_form_encoded_and_returns_the_council_id() {
        // given
        council.stubFor(post(REQUESTS).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("""
                        [{"service_request_id":"293944","service_notice":"The council will inspect within 24 hours","account_id":null}]""")));
        ServiceRequest request = TestRequests.missedBin(TestRequests.newReference());

        // when
        String reference = desk(Duration.ofSeconds(2)).submit(request);

        // then
        assertThat(reference).isEqualTo("293944");
        council.verify(postRequestedFor(urlEqualTo(REQUESTS))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withHeader("Idempotency-Key", equalTo(request.reference()))
                .withFormParam("api_key", equalTo(API_KEY))
                .withFormParam("jurisdiction_id", equalTo("brackenford.gov.uk"))
                .withFormParam("service_code", equalTo("missed-bin"))
                .withFormParam("attribute[bin_type]", equalTo("blue_recycling"))
                .withFormParam("attribute[collection_date]", equalTo("2026-03-01"))
                .withFormParam("address_string", equalTo("12 Mill Lane, Brackenford, BF1 2AB"))
                .withFormParam("address_id", equalTo("100023336956"))
                .withFormParam("description", equalTo("Blue bin not emptied again"))
                .withFormParam("email", equalTo("mary@example.org"))
                .withFormParam("first_name", equalTo("Mary Ann"))
                .withFormParam("last_name", equalTo("Smith"))
                .withFormParam("phone", equalTo("07700 900123")));
    }

    @Test
    void sends_the_point_of_a_picked_address_as_lat_and_long() {
        council.stubFor(post(REQUESTS).willReturn(aResponse().withStatus(201).withBody("[{\"service_request_id\":\"88\"}]")));

        desk(Duration.ofSeconds(2)).submit(TestRequests.missedBinAtPickedAddress(TestRequests.newReference()));

        council.verify(postRequestedFor(urlEqualTo(REQUESTS))
                .withFormParam("address_string", equalTo("12 Mill Lane, Brackenford, BF1 2AB"))
                .withFormParam("address_id", equalTo("100023336956"))
                .withFormParam("lat", equalTo("52.0512"))
                .withFormParam("long", equalTo("-0.7311")));
    }

    @Test
    void a_place_described_in_words_goes_without_lat_and_long() {
        council.stubFor(post(REQUESTS).willReturn(aResponse().withStatus(201).withBody("[{\"service_request_id\":\"89\"}]")));

        desk(Duration.ofSeconds(2)).submit(TestRequests.missedBin(TestRequests.newReference()));

        String body = council.getAllServeEvents().getFirst().getRequest().getBodyAsString();
        assertThat(body).contains("address_string=").doesNotContain("lat=").doesNotContain("long=");
    }

    @Test
    void sends_multivaluelist_answers_as_the_spec_asks() {
        council.stubFor(post(REQUESTS).willReturn(aResponse().withStatus(201).withBody("[{\"service_request_id\":77}]")));
        ServiceRequest request = TestRequests.flyTipping(TestRequests.newReference());

        String reference = desk(Duration.ofSeconds(2)).submit(request);

        assertThat(reference).isEqualTo("77");
        String body = council.getAllServeEvents().getFirst().getRequest().getBodyAsString();
        assertThat(body).contains("attribute%5Bwaste_type%5D%5B%5D=furniture")
                .contains("attribute%5Bwaste_type%5D%5B%5D=household_bags")
                .contains("attribute%5Bsize%5D=car_boot")
                .doesNotContain("email=").doesNotContain("first_name=");
    }

    @Test
    void a_token_answer_means_the_reference_follows() {
        // given
        council.stubFor(post(REQUESTS).willReturn(aResponse().withStatus(201).withBody("[{\"token\":\"12345\"}]")));
        council.stubFor(get(urlEqualTo("/open311/v2/tokens/12345.json?jurisdiction_id=brackenford.gov.uk"))
                .willReturn(aResponse().withStatus(200).withBody("[{\"service_request_id\":638344,\"token\":12345}]")));
        Open311ServiceDesk desk = desk(Duration.ofSeconds(2));

        // when / then
        assertThatThrownBy(() -> desk.submit(TestRequests.missedBin(TestRequests.newReference())))
                .isInstanceOfSatisfying(ReferenceToFollowException.class, e -> assertThat(e.receiptToken()).isEqualTo("12345"));
        assertThat(desk.resolveReference("12345")).contains("638344");
    }

    @Test
    void a_token_without_a_request_yet_has_no_reference() {
        council.stubFor(get(urlEqualTo("/open311/v2/tokens/555.json?jurisdiction_id=brackenford.gov.uk"))
                .willReturn(aResponse().withStatus(200).withBody("[{\"token\":555}]")));

        assertThat(desk(Duration.ofSeconds(2)).resolveReference("555")).isEmpty();
    }

    @Test
    void reads_a_request_status() {
        council.stubFor(get(urlEqualTo("/open311/v2/requests/638344.json?jurisdiction_id=brackenford.gov.uk"))
                .willReturn(aResponse().withStatus(200).withBody("""
                        [{"service_request_id":638344,"status":"closed","status_notes":"Duplicate request.",
                          "service_name":"Missed bin collection","service_code":"missed-bin","description":null,
                          "agency_responsible":null,"service_notice":null,
                          "requested_datetime":"2010-04-14T06:37:38-08:00","updated_datetime":"2010-04-14T15:37:38-08:00",
                          "expected_datetime":"2010-04-15T06:37:38-08:00","address":"8TH AVE and JUDAH ST",
                          "address_id":545483,"zipcode":94122,"lat":37.762221815,"long":-122.4651145,
                          "media_url":"http://city.gov.s3.amazonaws.com/requests/media/638344.jpg"}]""")));

        Optional<RequestStatus> status = desk(Duration.ofSeconds(2)).status("638344");

        assertThat(status).contains(new RequestStatus("638344", "missed-bin", "closed", "Duplicate request.",
                Instant.parse("2010-04-14T14:37:38Z"), Optional.of(Instant.parse("2010-04-14T23:37:38Z"))));
    }

    @Test
    void an_unknown_request_has_no_status() {
        council.stubFor(get(urlEqualTo("/open311/v2/requests/999.json?jurisdiction_id=brackenford.gov.uk"))
                .willReturn(aResponse().withStatus(404).withBody("[{\"code\":404,\"description\":\"Request not found\"}]")));
        council.stubFor(get(urlEqualTo("/open311/v2/requests/998.json?jurisdiction_id=brackenford.gov.uk"))
                .willReturn(aResponse().withStatus(200).withBody("[]")));

        assertThat(desk(Duration.ofSeconds(2)).status("999")).isEmpty();
        assertThat(desk(Duration.ofSeconds(2)).status("998")).isEmpty();
    }

    @Test
    void a_400_with_the_spec_errors_is_a_refusal_with_the_council_words() {
        council.stubFor(post(REQUESTS).willReturn(aResponse().withStatus(400)
                .withBody("[{\"code\":400,\"description\":\"service_code missed-bin is not valid for this address\"}]")));

        assertThatThrownBy(() -> desk(Duration.ofSeconds(2)).submit(TestRequests.missedBin(TestRequests.newReference())))
                .isInstanceOf(ServiceRequestRejectedException.class)
                .hasMessageContaining("HTTP 400")
                .hasMessageContaining("service_code missed-bin is not valid for this address")
                .hasMessageNotContaining(API_KEY);
    }

    @Test
    void a_403_bad_api_key_is_a_refusal_that_never_shows_the_key() {
        council.stubFor(post(REQUESTS).willReturn(aResponse().withStatus(403)
                .withBody("[{\"code\":403,\"description\":\"Invalid api_key received -- can't proceed with create_request.\"}]")));

        assertThatThrownBy(() -> desk(Duration.ofSeconds(2)).submit(TestRequests.missedBin(TestRequests.newReference())))
                .isInstanceOf(ServiceRequestRejectedException.class)
                .hasMessageContaining("Invalid api_key received")
                .hasMessageNotContaining(API_KEY);
    }

    @Test
    void a_404_without_an_error_list_is_worth_retrying_and_points_at_the_base_url() {
        council.stubFor(post(REQUESTS).willReturn(aResponse().withStatus(404).withBody("<html>Not Found</html>")));

        assertThatThrownBy(() -> desk(Duration.ofSeconds(2)).submit(TestRequests.missedBin(TestRequests.newReference())))
                .isInstanceOf(ServiceDeskUnavailableException.class)
                .hasMessageContaining("open311.base-url");
    }

    @Test
    void server_errors_and_throttling_are_worth_retrying() {
        for (int status : new int[] {429, 500, 502, 503}) {
            council.stubFor(post(REQUESTS).willReturn(aResponse().withStatus(status)
                    .withBody("[{\"code\":" + status + ",\"description\":\"Back end unavailable\"}]")));

            assertThatThrownBy(() -> desk(Duration.ofSeconds(2)).submit(TestRequests.missedBin(TestRequests.newReference())))
                    .as("HTTP %d", status)
                    .isInstanceOf(ServiceDeskUnavailableException.class)
                    .hasMessageContaining("HTTP " + status)
                    .hasMessageContaining("safe to try again");
        }
    }

    @Test
    void a_500_keeps_the_council_description() {
        council.stubFor(post(REQUESTS).willReturn(aResponse().withStatus(500)
                .withBody("[{\"code\":500,\"description\":\"Database connection lost\"}]")));

        assertThatThrownBy(() -> desk(Duration.ofSeconds(2)).submit(TestRequests.missedBin(TestRequests.newReference())))
                .isInstanceOf(ServiceDeskUnavailableException.class)
                .hasMessageContaining("Database connection lost");
    }

    @Test
    void a_server_slower_than_the_timeout_is_unavailable() {
        council.stubFor(post(REQUESTS).willReturn(aResponse().withStatus(201).withFixedDelay(2000)
                .withBody("[{\"service_request_id\":1}]")));
        long started = System.nanoTime();

        assertThatThrownBy(() -> desk(Duration.ofMillis(300)).submit(TestRequests.missedBin(TestRequests.newReference())))
                .isInstanceOf(ServiceDeskUnavailableException.class)
                .hasMessageContaining("did not answer within 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void a_server_that_dribbles_its_body_past_the_timeout_is_unavailable() {
        council.stubFor(post(REQUESTS).willReturn(aResponse().withStatus(201)
                .withBody("[{\"service_request_id\":\"293944\",\"service_notice\":\"slow\"}]")
                .withChunkedDribbleDelay(10, 2000)));

        assertThatThrownBy(() -> desk(Duration.ofMillis(300)).submit(TestRequests.missedBin(TestRequests.newReference())))
                .isInstanceOf(ServiceDeskUnavailableException.class)
                .hasMessageContaining("did not answer within");
    }

    @Test
    void a_slow_server_within_the_timeout_is_fine() {
        council.stubFor(post(REQUESTS).willReturn(aResponse().withStatus(201).withFixedDelay(150)
                .withBody("[{\"service_request_id\":\"293944\"}]")));

        assertThat(desk(Duration.ofSeconds(2)).submit(TestRequests.missedBin(TestRequests.newReference()))).isEqualTo("293944");
    }

    @Test
    void a_malformed_or_empty_body_is_unavailable_with_a_clear_message() {
        council.stubFor(post(REQUESTS).willReturn(aResponse().withStatus(201).withBody("<html>Service Unavailable</html>")));
        assertThatThrownBy(() -> desk(Duration.ofSeconds(2)).submit(TestRequests.missedBin(TestRequests.newReference())))
                .isInstanceOf(ServiceDeskUnavailableException.class)
                .hasMessageContaining("not valid JSON").hasMessageContaining("open311.format is json");

        council.stubFor(post(REQUESTS).willReturn(aResponse().withStatus(200).withBody("")));
        assertThatThrownBy(() -> desk(Duration.ofSeconds(2)).submit(TestRequests.missedBin(TestRequests.newReference())))
                .isInstanceOf(ServiceDeskUnavailableException.class).hasMessageContaining("is empty");

        council.stubFor(post(REQUESTS).willReturn(aResponse().withStatus(201).withBody("[{\"service_notice\":\"thanks\"}]")));
        assertThatThrownBy(() -> desk(Duration.ofSeconds(2)).submit(TestRequests.missedBin(TestRequests.newReference())))
                .isInstanceOf(ServiceDeskUnavailableException.class).hasMessageContaining("without a service_request_id or token");
    }

    @Test
    void a_broken_connection_is_unavailable() {
        council.stubFor(post(REQUESTS).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> desk(Duration.ofSeconds(2)).submit(TestRequests.missedBin(TestRequests.newReference())))
                .isInstanceOf(ServiceDeskUnavailableException.class).hasMessageContaining("connection");
    }

    @Test
    void a_refused_connection_is_unavailable() {
        Open311Settings nowhere = new Open311Settings("http://127.0.0.1:1/open311/v2", API_KEY, "", "json",
                Duration.ofSeconds(2), Duration.ofHours(1));

        assertThatThrownBy(() -> Open311ServiceDesk.create(nowhere, demo).submit(TestRequests.missedBin(TestRequests.newReference())))
                .isInstanceOf(ServiceDeskUnavailableException.class).hasMessageContaining("127.0.0.1:1");
    }

    @Test
    void an_oversized_body_is_unavailable() {
        council.stubFor(post(REQUESTS).willReturn(aResponse().withStatus(201)
                .withBody("[{\"service_request_id\":\"1\",\"service_notice\":\"" + "x".repeat(Open311Client.MAX_BODY_BYTES) + "\"}]")));

        assertThatThrownBy(() -> desk(Duration.ofSeconds(5)).submit(TestRequests.missedBin(TestRequests.newReference())))
                .isInstanceOf(ServiceDeskUnavailableException.class).hasMessageContaining("larger than");
    }

    @Test
    void refuses_an_implausible_reference() {
        council.stubFor(post(REQUESTS).willReturn(aResponse().withStatus(201)
                .withBody("[{\"service_request_id\":\"" + "9".repeat(300) + "\"}]")));

        assertThatThrownBy(() -> desk(Duration.ofSeconds(2)).submit(TestRequests.missedBin(TestRequests.newReference())))
                .isInstanceOf(ServiceDeskUnavailableException.class).hasMessageContaining("implausible reference");
    }

    private Open311ServiceDesk desk(Duration timeout) {
        return Open311ServiceDesk.create(settings("json", timeout), demo);
    }

    static Open311Settings settings(String format, Duration timeout) {
        return new Open311Settings(council.baseUrl() + "/open311/v2", API_KEY, "brackenford.gov.uk", format, timeout,
                Duration.ofHours(1));
    }
}

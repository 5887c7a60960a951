package org.councilbot.handoff;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.councilbot.core.GeoPoint;
import org.councilbot.core.LookupUnavailableException;
import org.councilbot.core.PropertyAddress;
import org.councilbot.core.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The OS Places API's postcode search, with the bodies and errors it really sends. */
class OsPlacesAddressDirectoryTest {
    static final String KEY = "os-project-api-key-0123456789";
    static final String PATH = "/search/places/v1/postcode";

    @RegisterExtension
    static WireMockExtension os = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-10-07T09:00:00Z"));

    @Test
    void reads_the_dpa_results_of_a_postcode_with_uprns_and_points() {
        // given
        os.stubFor(page(0).willReturn(ok(body(3, 0, dpa("100090000012", "12, MILL LANE, BRACKENFORD, BF1 2AB", "RD04",
                52.70923, 0.42141), dpa("100090000014", "14, MILL LANE, BRACKENFORD, BF1 2AB", "RD04", 52.70934, 0.42164),
                dpa("10023112345", "THE MILL LANE SURGERY, MILL LANE, BRACKENFORD, BF1 2AB", "CM02", 52.70951, 0.42210)))));

        // when
        List<PropertyAddress> addresses = directory(Duration.ofSeconds(2), 500).addressesAt("bf1 2ab");

        // then
        assertThat(addresses).containsExactly(
                new PropertyAddress("100090000012", "12, MILL LANE, BRACKENFORD, BF1 2AB", "BF1 2AB",
                        Optional.of(new GeoPoint(52.70923, 0.42141))),
                new PropertyAddress("100090000014", "14, MILL LANE, BRACKENFORD, BF1 2AB", "BF1 2AB",
                        Optional.of(new GeoPoint(52.70934, 0.42164))),
                new PropertyAddress("10023112345", "THE MILL LANE SURGERY, MILL LANE, BRACKENFORD, BF1 2AB", "BF1 2AB",
                        Optional.of(new GeoPoint(52.70951, 0.42210))));
        os.verify(getRequestedFor(urlPathEqualTo(PATH))
                .withQueryParam("postcode", equalTo("BF1 2AB"))
                .withQueryParam("output_srs", equalTo("WGS84"))
                .withQueryParam("maxresults", equalTo("100"))
                .withQueryParam("offset", equalTo("0"))
                .withQueryParam("key", absent())
                .withHeader("key", equalTo(KEY))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void a_postcode_without_addresses_is_answered_without_a_results_key() {
        os.stubFor(page(0).willReturn(ok("""
                {"header":{"uri":"https://api.os.uk/search/places/v1/postcode?postcode=BF9%209ZZ","query":"postcode=BF9 9ZZ",
                 "offset":0,"totalresults":0,"format":"JSON","dataset":"DPA","lr":"EN,CY","maxresults":100,"epoch":"117",
                 "lastupdate":"2025-06-05","output_srs":"WGS84"}}""")));

        assertThat(directory(Duration.ofSeconds(2), 500).addressesAt("BF9 9ZZ")).isEmpty();
    }

    @Test
    void a_postcode_os_places_cannot_search_has_no_addresses() {
        os.stubFor(page(0).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                {"error":{"statuscode":400,"message":"Requested postcode must contain a minimum of the sector plus 1 digit of the district e.g. SO1. Requested postcode was BF12AB"}}""")));

        assertThat(directory(Duration.ofSeconds(2), 500).addressesAt("BF1 2AB")).isEmpty();
    }

    @Test
    void a_text_that_is_not_a_postcode_is_never_sent() {
        assertThat(directory(Duration.ofSeconds(2), 500).addressesAt("12 Mill Lane")).isEmpty();
        assertThat(directory(Duration.ofSeconds(2), 500).addressesAt("")).isEmpty();

        assertThat(os.getAllServeEvents()).isEmpty();
    }

    @Test
    void a_wrong_key_is_unavailable_pointing_at_the_key_setting_without_showing_it() {
        os.stubFor(page(0).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"fault\":{\"faultstring\":\"Invalid ApiKey\",\"detail\":{\"errorcode\":\"oauth.v2.InvalidApiKey\"}}}")));

        assertThatThrownBy(() -> directory(Duration.ofSeconds(2), 500).addressesAt("BF1 2AB"))
                .isInstanceOf(LookupUnavailableException.class)
                .hasMessageContaining("refused our credentials (HTTP 401: Invalid ApiKey)")
                .hasMessageContaining("lookups.addresses.key")
                .hasMessageContaining(os.baseUrl() + PATH)
                .hasMessageNotContaining(KEY)
                .hasMessageNotContaining("BF1 2AB");
    }

    @Test
    void throttling_with_retry_after_pauses_calls_until_then() {
        // given
        os.stubFor(page(0).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")
                .withBody("{\"fault\":{\"faultstring\":\"Rate limit quota violation. Quota limit  exceeded.\"}}")));
        HttpAddressDirectory directory = directory(Duration.ofSeconds(2), 500);

        // when / then: the first call meets the 429, the next within 30 s does not call at all
        assertThatThrownBy(() -> directory.addressesAt("BF1 2AB"))
                .isInstanceOf(LookupUnavailableException.class)
                .hasMessageContaining("asked us to slow down (HTTP 429); calling again after 30 s");
        clock.advance(Duration.ofSeconds(20));
        assertThatThrownBy(() -> directory.addressesAt("BF1 2AB"))
                .isInstanceOf(LookupUnavailableException.class)
                .hasMessageContaining("calling again after 2026-10-07T09:00:30Z");
        assertThat(os.getAllServeEvents()).hasSize(1);

        // and after the pause it calls again
        os.stubFor(page(0).willReturn(ok(body(1, 0, dpa("100090000012", "12, MILL LANE, BRACKENFORD, BF1 2AB", "RD04",
                52.70923, 0.42141)))));
        clock.advance(Duration.ofSeconds(11));
        assertThat(directory.addressesAt("BF1 2AB")).extracting(PropertyAddress::uprn).containsExactly("100090000012");
    }

    @Test
    void server_errors_are_unavailable_with_the_apis_words() {
        for (int status : new int[] {500, 503}) {
            os.stubFor(page(0).willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":{\"statuscode\":" + status + ",\"message\":\"Service temporarily unavailable\"}}")));

            assertThatThrownBy(() -> directory(Duration.ofSeconds(2), 500).addressesAt("BF1 2AB"))
                    .as("HTTP %d", status)
                    .isInstanceOf(LookupUnavailableException.class)
                    .hasMessageContaining("answered HTTP " + status + ": Service temporarily unavailable");
        }
    }

    @Test
    void a_slow_answer_is_unavailable_after_the_timeout() {
        os.stubFor(page(0).willReturn(ok(body(0, 0)).withFixedDelay(2000)));
        long started = System.nanoTime();

        assertThatThrownBy(() -> directory(Duration.ofMillis(300), 500).addressesAt("BF1 2AB"))
                .isInstanceOf(LookupUnavailableException.class)
                .hasMessageContaining("did not answer within 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void a_truncated_body_is_unavailable() {
        String whole = body(1, 0, dpa("100090000012", "12, MILL LANE, BRACKENFORD, BF1 2AB", "RD04", 52.70923, 0.42141));
        os.stubFor(page(0).willReturn(ok(whole.substring(0, whole.length() / 2))));

        assertThatThrownBy(() -> directory(Duration.ofSeconds(2), 500).addressesAt("BF1 2AB"))
                .isInstanceOf(LookupUnavailableException.class)
                .hasMessageContaining("answered HTTP 200 but the body is not valid JSON");
    }

    @Test
    void a_broken_connection_is_unavailable() {
        os.stubFor(page(0).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> directory(Duration.ofSeconds(2), 500).addressesAt("BF1 2AB"))
                .isInstanceOf(LookupUnavailableException.class)
                .hasMessageContaining("broke the connection");
    }

    @Test
    void results_that_are_not_an_array_are_unavailable() {
        os.stubFor(page(0).willReturn(ok("{\"header\":{\"totalresults\":1},\"results\":{\"DPA\":{}}}")));

        assertThatThrownBy(() -> directory(Duration.ofSeconds(2), 500).addressesAt("BF1 2AB"))
                .isInstanceOf(LookupUnavailableException.class)
                .hasMessageContaining("has an object at /results where the results array should be");
    }

    @Test
    void a_result_without_a_uprn_is_left_out_and_the_rest_are_kept() {
        os.stubFor(page(0).willReturn(ok(body(2, 0,
                dpa("100090000012", "12, MILL LANE, BRACKENFORD, BF1 2AB", "RD04", 52.70923, 0.42141),
                "{\"DPA\":{\"ADDRESS\":\"14, MILL LANE, BRACKENFORD, BF1 2AB\",\"POSTCODE\":\"BF1 2AB\"}}"))));

        assertThat(directory(Duration.ofSeconds(2), 500).addressesAt("BF1 2AB"))
                .extracting(PropertyAddress::uprn).containsExactly("100090000012");
    }

    @Test
    void when_no_result_has_a_uprn_the_mapping_is_wrong_and_the_lookup_fails() {
        os.stubFor(page(0).willReturn(ok(body(2, 0,
                "{\"LPI\":{\"UPRN\":\"100090000012\",\"ADDRESS\":\"12, MILL LANE\"}}",
                "{\"LPI\":{\"UPRN\":\"100090000014\",\"ADDRESS\":\"14, MILL LANE\"}}"))));

        assertThatThrownBy(() -> directory(Duration.ofSeconds(2), 500).addressesAt("BF1 2AB"))
                .isInstanceOf(LookupUnavailableException.class)
                .hasMessageContaining("none of its results could be read: 2 of 2 results (2 without a UPRN at"
                        + " lookups.addresses.fields.uprn /DPA/UPRN)");
    }

    @Test
    void a_result_without_coordinates_has_no_point() {
        os.stubFor(page(0).willReturn(ok(body(1, 0,
                "{\"DPA\":{\"UPRN\":\"100090000012\",\"ADDRESS\":\"12, MILL LANE, BRACKENFORD, BF1 2AB\","
                        + "\"POSTCODE\":\"BF1 2AB\",\"X_COORDINATE\":562345.0,\"Y_COORDINATE\":312345.0}}"))));

        assertThat(directory(Duration.ofSeconds(2), 500).addressesAt("BF1 2AB")).singleElement()
                .satisfies(address -> assertThat(address.point()).isEmpty());
    }

    @Test
    void pages_through_a_large_postcode_until_the_total() {
        // given: 150 addresses, 100 a page
        os.stubFor(page(0).willReturn(ok(body(150, 0, dpas(0, 100)))));
        os.stubFor(page(100).willReturn(ok(body(150, 100, dpas(100, 50)))));

        // when
        List<PropertyAddress> addresses = directory(Duration.ofSeconds(2), 500).addressesAt("BF1 2AB");

        // then
        assertThat(addresses).hasSize(150);
        assertThat(addresses.getLast().uprn()).isEqualTo("100090000149");
        assertThat(os.getAllServeEvents()).hasSize(2);
    }

    @Test
    void stops_paging_at_max_results() {
        os.stubFor(page(0).willReturn(ok(body(350, 0, dpas(0, 100)))));
        os.stubFor(page(100).willReturn(ok(body(350, 100, dpas(100, 100)))));

        List<PropertyAddress> addresses = directory(Duration.ofSeconds(2), 120).addressesAt("BF1 2AB");

        assertThat(addresses).hasSize(120);
        assertThat(os.getAllServeEvents()).hasSize(2);
    }

    @Test
    void keeps_only_residential_addresses_when_filtered_by_classification() {
        os.stubFor(page(0).willReturn(ok(body(2, 0,
                dpa("100090000012", "12, MILL LANE, BRACKENFORD, BF1 2AB", "RD04", 52.70923, 0.42141),
                dpa("10023112345", "THE MILL LANE SURGERY, MILL LANE, BRACKENFORD, BF1 2AB", "CM02", 52.70951, 0.42210)))));
        HttpAddressDirectory residential = HttpAddressDirectory.create(settings(Duration.ofSeconds(2), 500),
                AddressMapping.osPlaces().filtered("/DPA/CLASSIFICATION_CODE", List.of("r")), clock);

        assertThat(residential.addressesAt("BF1 2AB")).extracting(PropertyAddress::uprn).containsExactly("100090000012");
    }

    private HttpAddressDirectory directory(Duration timeout, int maxResults) {
        return HttpAddressDirectory.create(settings(timeout, maxResults), AddressMapping.osPlaces(), clock);
    }

    private static HttpLookupSettings settings(Duration timeout, int maxResults) {
        return HttpLookupSettings.osPlaces(HttpLookupSettings.OS_PLACES_URL_TEMPLATE.replace("https://api.os.uk", os.baseUrl()),
                KEY, timeout, maxResults);
    }

    private static MappingBuilder page(int offset) {
        return get(urlPathEqualTo(PATH)).withQueryParam("offset", equalTo(Integer.toString(offset)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=UTF-8").withBody(body);
    }

    /** An OS Places answer: its header and the results given (none: no results key, as OS sends it). */
    static String body(int total, int offset, String... results) {
        String header = """
                {"header":{"uri":"https://api.os.uk/search/places/v1/postcode?postcode=BF1%%202AB&output_srs=WGS84",
                 "query":"postcode=BF1 2AB","offset":%d,"totalresults":%d,"format":"JSON","dataset":"DPA",
                 "lr":"EN,CY","maxresults":100,"epoch":"117","lastupdate":"2025-06-05","output_srs":"WGS84"}"""
                .formatted(offset, total);
        return results.length == 0 ? header + "}" : header + ",\"results\":[" + String.join(",", results) + "]}";
    }

    static String dpa(String uprn, String address, String classification, double lat, double lng) {
        return """
                {"DPA":{"UPRN":"%s","UDPRN":"23748219","ADDRESS":"%s","BUILDING_NUMBER":"12",
                 "THOROUGHFARE_NAME":"MILL LANE","POST_TOWN":"BRACKENFORD","POSTCODE":"BF1 2AB","RPC":"1",
                 "X_COORDINATE":562345.0,"Y_COORDINATE":312345.0,"LNG":%s,"LAT":%s,"STATUS":"APPROVED",
                 "LOGICAL_STATUS_CODE":"1","CLASSIFICATION_CODE":"%s","CLASSIFICATION_CODE_DESCRIPTION":"Terraced",
                 "LOCAL_CUSTODIAN_CODE":9999,"LOCAL_CUSTODIAN_CODE_DESCRIPTION":"BRACKENFORD","COUNTRY_CODE":"E",
                 "COUNTRY_CODE_DESCRIPTION":"This record is within England","POSTAL_ADDRESS_CODE":"D",
                 "POSTAL_ADDRESS_CODE_DESCRIPTION":"A record which is linked to PAF","BLPU_STATE_CODE":null,
                 "BLPU_STATE_CODE_DESCRIPTION":"Unknown/Not applicable","TOPOGRAPHY_LAYER_TOID":"osgb1000012345678",
                 "LAST_UPDATE_DATE":"10/02/2016","ENTRY_DATE":"12/01/2000","LANGUAGE":"EN","MATCH":1.0,
                 "MATCH_DESCRIPTION":"EXACT","DELIVERY_POINT_SUFFIX":"1A"}}""".formatted(uprn, address, lng, lat, classification);
    }

    private static String[] dpas(int from, int count) {
        return IntStream.range(from, from + count)
                .mapToObj(i -> dpa("1000900" + String.format("%05d", i), i + ", MILL LANE, BRACKENFORD, BF1 2AB", "RD04",
                        52.7 + i / 100_000.0, 0.42))
                .collect(Collectors.toList()).toArray(String[]::new);
    }
}

package org.councilbot.handoff;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.councilbot.core.BinCollection;
import org.councilbot.core.LookupUnavailableException;
import org.councilbot.core.PropertyAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A council waste system's bin days by UPRN; today is Wednesday 7 October 2026 in London. */
class HttpCollectionScheduleTest {
    static final String COLLECTIONS = "/waste/api/properties/900001200001/collections";
    static final PropertyAddress MILL_LANE = new PropertyAddress("900001200001", "1 Mill Lane, Brackenford, BF1 2AB",
            "BF1 2AB", Optional.empty());
    static final Clock TODAY = Clock.fixed(Instant.parse("2026-10-07T10:00:00Z"), ZoneId.of("Europe/London"));

    @RegisterExtension
    static WireMockExtension council = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void reads_dates_in_the_councils_pattern_soonest_first_without_past_ones() {
        // given
        answer(ok("""
                {"property":{"uprn":"900001200001"},"collections":[
                  {"service":"Refuse (black bin)","nextDate":"20/10/2026","frequency":"Fortnightly"},
                  {"service":"Recycling (blue bin)","nextDate":"13/10/2026","frequency":"Fortnightly"},
                  {"service":"Food waste","nextDate":"07/10/2026","frequency":"Weekly"},
                  {"service":"Bulky waste","nextDate":"30/09/2026","frequency":"On request"}
                ]}"""));

        // when / then: today's food collection stays, last week's bulky waste goes
        assertThat(schedule("dd/MM/yyyy").collectionsAt(MILL_LANE)).containsExactly(
                new BinCollection("Food waste", LocalDate.of(2026, 10, 7), "Weekly"),
                new BinCollection("Recycling (blue bin)", LocalDate.of(2026, 10, 13), "Fortnightly"),
                new BinCollection("Refuse (black bin)", LocalDate.of(2026, 10, 20), "Fortnightly"));
    }

    @Test
    void understands_iso_dates_and_date_times_whatever_the_pattern() {
        answer(ok("""
                {"collections":[
                  {"service":"Refuse","nextDate":"2026-10-12T23:30:00Z"},
                  {"service":"Recycling","nextDate":"2026-10-08T00:00:00+01:00"},
                  {"service":"Food","nextDate":"2026-10-09T07:00:00"},
                  {"service":"Garden","nextDate":"2026-10-15"}
                ]}"""));

        // 23:30 UTC on the 12th is the 13th in London
        assertThat(schedule("dd/MM/yyyy").collectionsAt(MILL_LANE)).extracting(BinCollection::round, BinCollection::next)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Recycling", LocalDate.of(2026, 10, 8)),
                        org.assertj.core.groups.Tuple.tuple("Food", LocalDate.of(2026, 10, 9)),
                        org.assertj.core.groups.Tuple.tuple("Refuse", LocalDate.of(2026, 10, 13)),
                        org.assertj.core.groups.Tuple.tuple("Garden", LocalDate.of(2026, 10, 15)));
    }

    @Test
    void a_round_with_several_dates_or_rows_keeps_its_soonest_upcoming_one() {
        answer(ok("""
                {"collections":[
                  {"service":"Recycling","nextDate":["2026-09-29","2026-10-13","2026-10-27"]},
                  {"service":"Food","nextDate":"2026-10-14"},
                  {"service":"Food","nextDate":"2026-10-09"}
                ]}"""));

        assertThat(schedule("").collectionsAt(MILL_LANE)).containsExactly(
                new BinCollection("Food", LocalDate.of(2026, 10, 9), ""),
                new BinCollection("Recycling", LocalDate.of(2026, 10, 13), ""));
    }

    @Test
    void names_of_days_and_months_are_read_in_english() {
        answer(ok("{\"collections\":[{\"service\":\"Refuse\",\"nextDate\":\"Tuesday 13 October 2026\"}]}"));

        assertThat(schedule("EEEE d MMMM yyyy").collectionsAt(MILL_LANE))
                .containsExactly(new BinCollection("Refuse", LocalDate.of(2026, 10, 13), ""));
    }

    @Test
    void an_unknown_property_has_no_collections() {
        answer(aResponse().withStatus(404).withBody("{\"message\":\"Property 900001200001 not found\"}"));

        assertThat(schedule("").collectionsAt(MILL_LANE)).isEmpty();
    }

    @Test
    void an_address_with_only_past_collections_has_none() {
        answer(ok("{\"collections\":[{\"service\":\"Refuse\",\"nextDate\":\"2026-09-01\"}]}"));

        assertThat(schedule("").collectionsAt(MILL_LANE)).isEmpty();
    }

    @Test
    void a_result_without_a_readable_date_is_left_out_when_others_are_fine() {
        answer(ok("""
                {"collections":[
                  {"service":"Refuse","nextDate":"2026-10-13"},
                  {"service":"Recycling","nextDate":"next Tuesday"},
                  {"nextDate":"2026-10-14"}
                ]}"""));

        assertThat(schedule("").collectionsAt(MILL_LANE)).extracting(BinCollection::round).containsExactly("Refuse");
    }

    @Test
    void when_no_date_can_be_read_the_pattern_is_wrong_and_the_lookup_fails() {
        answer(ok("{\"collections\":[{\"service\":\"Refuse\",\"nextDate\":\"13.10.2026\"}]}"));

        assertThatThrownBy(() -> schedule("dd/MM/yyyy").collectionsAt(MILL_LANE))
                .isInstanceOf(LookupUnavailableException.class)
                .hasMessageContaining("none of its results could be read")
                .hasMessageContaining("in the pattern dd/MM/yyyy");
    }

    @Test
    void failures_are_unavailable() {
        answer(aResponse().withStatus(500).withBody("{\"message\":\"Waste system offline\"}"));
        assertThatThrownBy(() -> schedule("").collectionsAt(MILL_LANE))
                .isInstanceOf(LookupUnavailableException.class)
                .hasMessageContaining("The bin collection lookup at " + council.baseUrl()
                        + "/waste/api/properties/{uprn}/collections answered HTTP 500: Waste system offline");

        answer(aResponse().withStatus(429));
        assertThatThrownBy(() -> schedule("").collectionsAt(MILL_LANE))
                .isInstanceOf(LookupUnavailableException.class)
                .hasMessageContaining("asked us to slow down (HTTP 429)");

        answer(ok("{\"collections\":[{\"service\":\"Refuse\",\"nextDate\":\"2026-10-13\"}").withFixedDelay(1500));
        assertThatThrownBy(() -> schedule("").collectionsAt(MILL_LANE))
                .isInstanceOf(LookupUnavailableException.class)
                .hasMessageContaining("did not answer within 300 ms");

        answer(ok("{\"collections\":[{\"service\":\"Refuse\",\"nextDate\":\"2026-10-1"));
        assertThatThrownBy(() -> schedule("").collectionsAt(MILL_LANE))
                .isInstanceOf(LookupUnavailableException.class)
                .hasMessageContaining("is not valid JSON");

        answer(ok("{\"collections\":\"none\"}"));
        assertThatThrownBy(() -> schedule("").collectionsAt(MILL_LANE))
                .isInstanceOf(LookupUnavailableException.class)
                .hasMessageContaining("has a string at /collections where the results array should be");
    }

    @Test
    void an_error_never_quotes_the_uprn_asked_about() {
        answer(aResponse().withStatus(503).withBody("{\"message\":\"Cannot load property 900001200001\"}"));

        assertThatThrownBy(() -> schedule("").collectionsAt(MILL_LANE))
                .isInstanceOf(LookupUnavailableException.class)
                .hasMessageContaining("Cannot load property …")
                .hasMessageNotContaining("900001200001");
    }

    private static void answer(ResponseDefinitionBuilder response) {
        council.stubFor(get(urlEqualTo(COLLECTIONS)).willReturn(response));
    }

    private static ResponseDefinitionBuilder ok(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static HttpCollectionSchedule schedule(String datePattern) {
        HttpLookupSettings settings = new HttpLookupSettings("lookups.bin-collections",
                council.baseUrl() + "/waste/api/properties/{uprn}/collections", "", Map.of(),
                Duration.ofMillis(300), 50);
        CollectionMapping mapping = new CollectionMapping("/collections", "/service", "/nextDate", "/frequency", datePattern);
        return HttpCollectionSchedule.create(settings, mapping, TODAY);
    }
}

package org.councilbot.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.councilbot.core.CouncilbotException;
import org.junit.jupiter.api.Test;

/** The lookups' settings fail at start with a message naming the key, and never show the key's value. */
class LookupSettingsTest {
    static final Duration TEN_SECONDS = Duration.ofSeconds(10);
    static final String ADDRESSES = "lookups.addresses";

    @Test
    void os_places_defaults_send_the_key_as_a_header_and_page_through_results() {
        HttpLookupSettings settings = HttpLookupSettings.osPlaces(HttpLookupSettings.OS_PLACES_URL_TEMPLATE, "k3y",
                TEN_SECONDS, 500);

        assertThat(settings.headers()).containsExactly(Map.entry("key", "{key}"));
        assertThat(settings.urlTemplate()).contains("postcode={postcode}").contains("offset={offset}")
                .contains("output_srs=WGS84").doesNotContain("key=");
        assertThat(AddressMapping.osPlaces().uprn()).isEqualTo("/DPA/UPRN");
    }

    @Test
    void a_missing_or_wrong_url_template_is_named() {
        assertInvalid(() -> http(null, "", Map.of()), "lookups.addresses.url-template must be set to an http(s) URL");
        assertInvalid(() -> http(" ", "", Map.of()), "lookups.addresses.url-template must be set");
        assertInvalid(() -> http("ftp://gis.council.example/{postcode}", "", Map.of()),
                "lookups.addresses.url-template must be an http(s) URL");
        assertInvalid(() -> http("https://gis.council.example/a?pc={postcde}", "", Map.of()),
                "lookups.addresses.url-template uses {postcde}, which is not one of");
        assertInvalid(() -> http("https://{postcode}.council.example/a", "", Map.of()),
                "lookups.addresses.url-template may use placeholders only after the host");
        assertInvalid(() -> http("https://gis.council.example/a?pc={postcode", "", Map.of()),
                "lookups.addresses.url-template has a brace that is not part of a placeholder");
        assertInvalid(() -> http("https://gis.council.example/a b/{postcode}", "", Map.of()),
                "lookups.addresses.url-template must not contain spaces");
    }

    @Test
    void credentials_in_the_url_are_refused_without_echoing_them() {
        assertThatThrownBy(() -> http("https://bot:hunter2@gis.council.example/{postcode}", "", Map.of()))
                .hasMessageContaining("lookups.addresses.url-template must not contain a user name or password")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void the_key_must_be_set_when_used_and_used_when_set() {
        assertInvalid(() -> http("https://gis.council.example/{postcode}?key={key}", "", Map.of()),
                "lookups.addresses.key must be set (from the environment)");
        assertInvalid(() -> http("https://gis.council.example/{postcode}", "", Map.of("Authorization", "Bearer {key}")),
                "lookups.addresses.key must be set");
        assertInvalid(() -> http("https://gis.council.example/{postcode}", "unused-secret", Map.of()),
                "lookups.addresses.key is set but neither the url-template nor a header uses {key}");
    }

    @Test
    void headers_are_checked() {
        assertInvalid(() -> http("https://g.example/{postcode}", "", Map.of("Bad Header", "x")),
                "lookups.addresses.headers has a name that is not an HTTP header name: 'Bad Header'");
        assertInvalid(() -> http("https://g.example/{postcode}", "", Map.of("Host", "other.example")),
                "lookups.addresses.headers.Host cannot be set");
        assertInvalid(() -> http("https://g.example/{postcode}", "", Map.of("X-Postcode", "{postcode}")),
                "lookups.addresses.headers.X-Postcode may use only the {key} placeholder");
        assertInvalid(() -> http("https://g.example/{postcode}", "", Map.of("X-Note", "two\nlines")),
                "lookups.addresses.headers.X-Note must be a single line");
    }

    @Test
    void timeout_and_max_results_are_bounded() {
        assertInvalid(() -> new HttpLookupSettings(ADDRESSES, "https://g.example/{postcode}", "", Map.of(), Duration.ZERO, 10),
                "lookups.addresses.timeout must be a positive duration");
        assertInvalid(() -> new HttpLookupSettings(ADDRESSES, "https://g.example/{postcode}", "", Map.of(), TEN_SECONDS, 0),
                "lookups.addresses.max-results must be between 1 and 10000, was 0");
    }

    @Test
    void never_shows_the_key_or_header_values() {
        HttpLookupSettings settings = http("https://g.example/{postcode}?token={key}", "very-secret-key",
                Map.of("Authorization", "Bearer {key}", "X-Static-Secret", "literal-secret"));

        assertThat(settings.toString()).doesNotContain("very-secret-key").doesNotContain("literal-secret")
                .doesNotContain("token=").contains("key=****").contains("X-Static-Secret");
    }

    @Test
    void each_adapter_needs_the_placeholders_it_fills() {
        HttpLookupSettings byUprn = http("https://g.example/properties/{uprn}", "", Map.of());
        assertInvalid(() -> HttpAddressDirectory.create(byUprn, AddressMapping.osPlaces(), Clock.systemUTC()),
                "lookups.addresses.url-template uses {uprn}, which is not one of");
        HttpLookupSettings noPostcode = http("https://g.example/addresses", "", Map.of());
        assertInvalid(() -> HttpAddressDirectory.create(noPostcode, AddressMapping.osPlaces(), Clock.systemUTC()),
                "lookups.addresses.url-template must contain {postcode} or {postcode_nospace}");

        HttpLookupSettings bins = new HttpLookupSettings("lookups.bin-collections", "https://w.example/rounds?page={offset}",
                "", Map.of(), TEN_SECONDS, 50);
        assertInvalid(() -> HttpCollectionSchedule.create(bins, collections(""), Clock.systemUTC()),
                "lookups.bin-collections.url-template uses {offset}, which is not one of");
        HttpLookupSettings noAddress = new HttpLookupSettings("lookups.bin-collections", "https://w.example/rounds",
                "", Map.of(), TEN_SECONDS, 50);
        assertInvalid(() -> HttpCollectionSchedule.create(noAddress, collections(""), Clock.systemUTC()),
                "lookups.bin-collections.url-template must contain {uprn}, {postcode} or {postcode_nospace}");
    }

    @Test
    void address_fields_are_json_pointers_and_uprn_and_address_are_required() {
        assertInvalid(() -> new AddressMapping("/results", "", "", "/line", "", "", "", "", List.of()),
                "lookups.addresses.fields.uprn must be set to a JSON pointer");
        assertInvalid(() -> new AddressMapping("/results", "", "/id", null, "", "", "", "", List.of()),
                "lookups.addresses.fields.address must be set to a JSON pointer");
        assertInvalid(() -> new AddressMapping("results", "", "/id", "/line", "", "", "", "", List.of()),
                "lookups.addresses.results must be a JSON pointer starting with '/', like /results or /DPA/UPRN, was 'results'");
        assertInvalid(() -> new AddressMapping("", "", "/id", "/line", "", "/lat", "", "", List.of()),
                "lookups.addresses.fields.latitude and lookups.addresses.fields.longitude must be set together");
        assertInvalid(() -> new AddressMapping("", "", "/id", "/line", "", "", "", "/class", List.of()),
                "lookups.addresses.filter.field and lookups.addresses.filter.prefixes must be set together");
    }

    @Test
    void an_empty_results_pointer_means_the_body_is_the_array() {
        assertThat(new AddressMapping("", "", "/id", "/line", "", "", "", "", List.of()).results()).isEmpty();
    }

    @Test
    void collection_fields_and_date_pattern_are_checked() {
        assertThat(collections("").datePattern()).isEqualTo("yyyy-MM-dd");
        assertThat(collections("dd/MM/yyyy").datePattern()).isEqualTo("dd/MM/yyyy");
        assertThat(collections("dd/MM/yyyy HH:mm").datePattern()).isEqualTo("dd/MM/yyyy HH:mm");
        assertInvalid(() -> collections("dd/MM/yyyy {"), "lookups.bin-collections.date-pattern is not a date pattern");
        assertInvalid(() -> collections("EEEE d MMMM"), "lookups.bin-collections.date-pattern must give a whole date");
        assertInvalid(() -> new CollectionMapping("/c", "", "/date", "", ""),
                "lookups.bin-collections.fields.round must be set to a JSON pointer");
        assertInvalid(() -> new CollectionMapping("/c", "/round", "date", "", ""),
                "lookups.bin-collections.fields.date must be a JSON pointer starting with '/'");
    }

    private static HttpLookupSettings http(String template, String key, Map<String, String> headers) {
        return new HttpLookupSettings(ADDRESSES, template, key, headers, TEN_SECONDS, 500);
    }

    private static CollectionMapping collections(String datePattern) {
        return new CollectionMapping("/collections", "/service", "/nextDate", "", datePattern);
    }

    private static void assertInvalid(ThrowingCallable call, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(CouncilbotException.class, e -> assertThat(e.code()).isEqualTo("invalid_configuration"))
                .hasMessageContaining(message);
    }
}

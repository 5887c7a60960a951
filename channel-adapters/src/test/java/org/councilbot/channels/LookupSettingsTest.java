package org.councilbot.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.councilbot.core.CouncilbotException;
import org.councilbot.core.PropertyAddress;
import org.councilbot.handoff.AddressMapping;
import org.councilbot.handoff.CollectionMapping;
import org.councilbot.handoff.HttpLookupSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** councilbot.lookups.* from YAML and the environment, and the lookups built from them. */
class LookupSettingsTest {
    static final Path DEMO = Path.of("../evals/suites/demo/councilbot.yaml");
    static final String COUNCIL = """
            councilbot:
              council:
                name: Testvale Borough Council
                website-url: https://www.testvale.example.gov.uk
                contact-phone: 01632 960100
                office-hours: Monday to Friday, 9am to 5pm
                out-of-hours-phone: 01632 960199
            """;

    @TempDir
    Path dir;

    @Test
    void no_lookups_unless_configured() {
        assertThat(CouncilbotSettings.load(TestCouncilbot.COUNCIL, Map.of()).lookups()).isEqualTo(LookupSettings.none());
    }

    @Test
    void the_demo_uses_its_lookup_files_beside_its_configuration() {
        // given
        LookupSettings lookups = CouncilbotSettings.load(DEMO, Map.of()).lookups();
        Path folder = DEMO.toAbsolutePath().getParent().normalize().resolve("lookups");

        // then
        assertThat(lookups.addresses()).isEqualTo(new LookupSettings.Addresses.FromFile(folder.resolve("addresses.csv")));
        assertThat(lookups.binCollections()).isEqualTo(new LookupSettings.BinCollections.FromFile(
                folder.resolve("bin-collections.csv"), Optional.of(folder.resolve("bin-collection-changes.csv"))));

        // and the lookups built from them answer for the demo's streets
        Lookups built = Lookups.open(lookups, Clock.fixed(Instant.parse("2026-09-15T09:00:00Z"), ZoneId.of("Europe/London")));
        PropertyAddress millLane = built.addresses().addressesAt("BF1 2AB").getFirst();
        assertThat(millLane.singleLine()).isEqualTo("1 Mill Lane, Brackenford, BF1 2AB");
        assertThat(built.binCollections().collectionsAt(millLane)).hasSize(4)
                .allSatisfy(collection -> assertThat(collection.next().getDayOfWeek()).hasToString("TUESDAY"));
    }

    @Test
    void os_places_needs_only_its_key_from_the_environment() throws IOException {
        // given
        Path file = council("""
                  lookups:
                    addresses:
                      type: os-places
                      filter:
                        field: /DPA/CLASSIFICATION_CODE
                        prefixes: [R]
                """);

        // when
        LookupSettings.Addresses addresses = CouncilbotSettings.load(file,
                Map.of("COUNCILBOT_LOOKUPS_ADDRESSES_KEY", "os-secret")).lookups().addresses();

        // then
        assertThat(addresses).isEqualTo(new LookupSettings.Addresses.FromApi(
                HttpLookupSettings.osPlaces(HttpLookupSettings.OS_PLACES_URL_TEMPLATE, "os-secret", Duration.ofSeconds(10), 500),
                AddressMapping.osPlaces().filtered("/DPA/CLASSIFICATION_CODE", List.of("R"))));
        assertThat(addresses.toString()).doesNotContain("os-secret");
    }

    @Test
    void os_places_keeps_its_key_header_beside_headers_of_the_councils_own() throws IOException {
        Path file = council("""
                  lookups:
                    addresses:
                      type: os-places
                      url-template: https://os-proxy.testvale.example.gov.uk/search/places/v1/postcode?postcode={postcode}
                      headers:
                        X-Proxy-Client: councilbot
                """);

        LookupSettings.Addresses addresses = CouncilbotSettings.load(file,
                Map.of("COUNCILBOT_LOOKUPS_ADDRESSES_KEY", "os-secret")).lookups().addresses();

        assertThat(addresses).isInstanceOfSatisfying(LookupSettings.Addresses.FromApi.class, api -> {
            assertThat(api.http().headers()).containsOnly(Map.entry("key", "{key}"), Map.entry("X-Proxy-Client", "councilbot"));
            assertThat(api.http().urlTemplate()).startsWith("https://os-proxy.testvale.example.gov.uk/");
        });
    }

    @Test
    void os_places_without_a_key_fails_saying_so() throws IOException {
        Path file = council("""
                  lookups:
                    addresses:
                      type: os-places
                """);

        assertThatThrownBy(() -> CouncilbotSettings.load(file, Map.of()))
                .isInstanceOf(CouncilbotException.class)
                .hasMessageContaining("lookups.addresses.key must be set (from the environment)");
    }

    @Test
    void reads_a_councils_own_address_api() throws IOException {
        // given
        Path file = council("""
                  lookups:
                    addresses:
                      type: http
                      url-template: https://gis.testvale.example.gov.uk/api/addresses?pc={postcode_nospace}
                      headers:
                        X-Api-Key: "{key}"
                        Accept-Language: en-GB
                      results: /data/addresses
                      fields:
                        uprn: /id
                        address: /line
                      timeout: 3s
                      max-results: 200
                """);

        // when
        LookupSettings.Addresses addresses = CouncilbotSettings.load(file, Map.of("COUNCILBOT_LOOKUPS_ADDRESSES_KEY", "k",
                "COUNCILBOT_LOOKUPS_ADDRESSES_HEADERS_ACCEPT_LANGUAGE", "cy-GB")).lookups().addresses();

        // then
        assertThat(addresses).isEqualTo(new LookupSettings.Addresses.FromApi(
                new HttpLookupSettings("lookups.addresses",
                        "https://gis.testvale.example.gov.uk/api/addresses?pc={postcode_nospace}", "k",
                        Map.of("X-Api-Key", "{key}", "Accept-Language", "cy-GB"), Duration.ofSeconds(3), 200),
                new AddressMapping("/data/addresses", "", "/id", "/line", "", "", "", "", List.of())));
    }

    @Test
    void an_address_api_without_a_url_template_fails_saying_how_to_set_it() throws IOException {
        Path file = council("""
                  lookups:
                    addresses:
                      type: http
                      fields:
                        uprn: /id
                        address: /line
                """);

        assertThatThrownBy(() -> CouncilbotSettings.load(file, Map.of()))
                .isInstanceOf(CouncilbotException.class)
                .hasMessage("Setting councilbot.lookups.addresses.url-template is required when"
                        + " councilbot.lookups.addresses.type is http; set it in the configuration file or as"
                        + " COUNCILBOT_LOOKUPS_ADDRESSES_URL_TEMPLATE.");
    }

    @Test
    void an_address_api_without_field_pointers_fails_naming_them() throws IOException {
        Path file = council("""
                  lookups:
                    addresses:
                      type: http
                      url-template: https://gis.testvale.example.gov.uk/api/addresses?pc={postcode}
                """);

        assertThatThrownBy(() -> CouncilbotSettings.load(file, Map.of()))
                .hasMessageContaining("lookups.addresses.fields.uprn must be set to a JSON pointer");
    }

    @Test
    void an_unknown_type_or_a_file_type_without_a_file_fails() throws IOException {
        Path file = council("  lookups:\n    addresses:\n      type: gazetteer\n");
        assertThatThrownBy(() -> CouncilbotSettings.load(file, Map.of()))
                .hasMessageContaining("councilbot.lookups.addresses.type must be os-places, http or file")
                .hasMessageContaining("'gazetteer'");

        assertThatThrownBy(() -> CouncilbotSettings.load(TestCouncilbot.COUNCIL,
                Map.of("COUNCILBOT_LOOKUPS_BIN_COLLECTIONS_TYPE", "file")))
                .hasMessageContaining("councilbot.lookups.bin-collections.file is required when"
                        + " councilbot.lookups.bin-collections.type is file");
        assertThatThrownBy(() -> CouncilbotSettings.load(TestCouncilbot.COUNCIL,
                Map.of("COUNCILBOT_LOOKUPS_BIN_COLLECTIONS_TYPE", "os-places")))
                .hasMessageContaining("councilbot.lookups.bin-collections.type must be http or file");
    }

    @Test
    void reads_a_councils_waste_api() throws IOException {
        Path file = council("""
                  lookups:
                    bin-collections:
                      type: http
                      url-template: https://waste.testvale.example.gov.uk/api/properties/{uprn}/collections
                      headers:
                        Authorization: "Bearer {key}"
                      results: /collections
                      fields:
                        round: /service
                        date: /nextDate
                        frequency: /frequency
                      date-pattern: dd/MM/yyyy
                """);

        LookupSettings.BinCollections bins = CouncilbotSettings.load(file,
                Map.of("COUNCILBOT_LOOKUPS_BIN_COLLECTIONS_KEY", "waste-secret")).lookups().binCollections();

        assertThat(bins).isEqualTo(new LookupSettings.BinCollections.FromApi(
                new HttpLookupSettings("lookups.bin-collections",
                        "https://waste.testvale.example.gov.uk/api/properties/{uprn}/collections", "waste-secret",
                        Map.of("Authorization", "Bearer {key}"), Duration.ofSeconds(10), 50),
                new CollectionMapping("/collections", "/service", "/nextDate", "/frequency", "dd/MM/yyyy")));
    }

    @Test
    void a_bad_date_pattern_fails_naming_the_setting() throws IOException {
        Path file = council("""
                  lookups:
                    bin-collections:
                      type: http
                      url-template: https://waste.testvale.example.gov.uk/api/{uprn}
                      fields:
                        round: /service
                        date: /nextDate
                      date-pattern: d MMMM
                """);

        assertThatThrownBy(() -> CouncilbotSettings.load(file, Map.of()))
                .hasMessageContaining("lookups.bin-collections.date-pattern must give a whole date");
    }

    @Test
    void a_bad_lookup_file_stops_the_server_naming_the_file_and_line() throws IOException {
        Path bad = Files.writeString(dir.resolve("addresses.csv"), "uprn,address,postcode\n12,1 Mill Lane,not a postcode\n");

        assertThatThrownBy(() -> TestCouncilbot.start(dir.resolve("data"), Map.of(
                "COUNCILBOT_LOOKUPS_ADDRESSES_TYPE", "file", "COUNCILBOT_LOOKUPS_ADDRESSES_FILE", bad.toString())))
                .isInstanceOf(CouncilbotException.class)
                .hasMessageContaining("The address file " + bad + " line 2 has the postcode 'not a postcode'");
    }

    @Test
    void the_server_starts_with_file_lookups() {
        Path demoLookups = DEMO.toAbsolutePath().getParent().resolve("lookups");
        try (TestCouncilbot bot = TestCouncilbot.start(dir.resolve("data"), Map.of(
                "COUNCILBOT_LOOKUPS_ADDRESSES_TYPE", "file",
                "COUNCILBOT_LOOKUPS_ADDRESSES_FILE", demoLookups.resolve("addresses.csv").toString(),
                "COUNCILBOT_LOOKUPS_BIN_COLLECTIONS_TYPE", "file",
                "COUNCILBOT_LOOKUPS_BIN_COLLECTIONS_FILE", demoLookups.resolve("bin-collections.csv").toString()))) {
            assertThat(bot.get("/observe/health", "").statusCode()).isIn(200, 204);
            assertThat(bot.json(bot.say(bot.startConversation(), "hello")).get("text").asText()).isNotBlank();
        }
    }

    @Test
    void the_readme_example_is_a_valid_configuration() throws IOException {
        // given: the YAML block of the README's lookups paragraph
        String readme = Files.readString(Path.of("../README.md"));
        int lookups = readme.indexOf("```yaml\ncouncilbot:\n  lookups:");
        String example = readme.substring(readme.indexOf('\n', lookups) + 1, readme.indexOf("```", lookups + 7));
        Path file = Files.writeString(dir.resolve("council.yaml"),
                COUNCIL + example.substring(example.indexOf("  lookups:")));

        // when
        LookupSettings settings = CouncilbotSettings.load(file, Map.of("COUNCILBOT_LOOKUPS_ADDRESSES_KEY", "k")).lookups();

        // then
        assertThat(settings.addresses()).isInstanceOfSatisfying(LookupSettings.Addresses.FromApi.class, api ->
                assertThat(api.mapping()).isEqualTo(new AddressMapping("/data/addresses", "", "/id", "/line", "",
                        "/lat", "/lng", "", List.of())));
        assertThat(settings.binCollections()).isInstanceOfSatisfying(LookupSettings.BinCollections.FromApi.class, api ->
                assertThat(api.mapping()).isEqualTo(new CollectionMapping("/collections", "/service", "/nextDate",
                        "/frequency", "dd/MM/yyyy")));
    }

    private Path council(String lookups) throws IOException {
        return Files.writeString(dir.resolve("council.yaml"), COUNCIL + lookups);
    }
}

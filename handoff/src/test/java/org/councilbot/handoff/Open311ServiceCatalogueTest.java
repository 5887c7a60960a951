package org.councilbot.handoff;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import org.councilbot.core.ServiceDefinition;
import org.councilbot.core.ServiceDeskUnavailableException;
import org.councilbot.core.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The catalogue read over HTTP: the demo council's files served as a council's Open311 server would. */
class Open311ServiceCatalogueTest {
    @RegisterExtension
    static WireMockExtension council = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));

    @Test
    void reads_the_same_services_as_the_files() throws IOException {
        // given
        serveDemo();

        // when
        Open311ServiceCatalogue catalogue = Open311ServiceCatalogue.create(settings(), clock);

        // then
        assertThat(catalogue.services()).isEqualTo(FileServiceCatalogue.load(FileServiceCatalogueTest.DEMO).services());
        assertThat(catalogue.problems()).isEmpty();
        council.verify(getRequestedFor(urlEqualTo("/open311/v2/services.json?jurisdiction_id=brackenford.gov.uk")));
    }

    @Test
    void uses_the_catalogue_until_the_refresh_interval_has_passed() throws IOException {
        serveDemo();
        Open311ServiceCatalogue catalogue = Open311ServiceCatalogue.create(settings(), clock);
        catalogue.services();

        clock.advance(Duration.ofMinutes(59));
        catalogue.services();
        int beforeRefresh = council.getAllServeEvents().size();
        clock.advance(Duration.ofMinutes(1));
        catalogue.services();

        assertThat(beforeRefresh).isEqualTo(9);
        assertThat(council.getAllServeEvents()).hasSize(18);
    }

    @Test
    void keeps_the_last_catalogue_while_the_server_is_down() throws IOException {
        // given
        serveDemo();
        Open311ServiceCatalogue catalogue = Open311ServiceCatalogue.create(settings(), clock);
        int services = catalogue.services().size();

        // when
        council.resetAll();
        council.stubFor(get(urlPathEqualTo("/open311/v2/services.json")).willReturn(aResponse().withStatus(503)));
        clock.advance(Duration.ofHours(2));

        // then
        assertThat(catalogue.services()).hasSize(services);
    }

    @Test
    void keeps_the_last_catalogue_when_a_definition_cannot_be_fetched() throws IOException {
        serveDemo();
        Open311ServiceCatalogue catalogue = Open311ServiceCatalogue.create(settings(), clock);
        catalogue.services();
        council.stubFor(get(urlPathEqualTo("/open311/v2/services/pothole.json")).willReturn(aResponse().withStatus(500)));
        clock.advance(Duration.ofHours(2));

        assertThat(catalogue.services()).extracting(ServiceDefinition::code).contains("pothole").hasSize(8);
    }

    @Test
    void is_unavailable_when_no_catalogue_was_ever_read() {
        council.stubFor(get(urlPathEqualTo("/open311/v2/services.json")).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> Open311ServiceCatalogue.create(settings(), clock).services())
                .isInstanceOf(ServiceDeskUnavailableException.class).hasMessageContaining("HTTP 503");
    }

    @Test
    void leaves_out_a_service_whose_definition_is_missing() throws IOException {
        serveDemo();
        council.stubFor(get(urlPathEqualTo("/open311/v2/services/noise.json")).willReturn(aResponse().withStatus(404)
                .withBody("[{\"code\":404,\"description\":\"Service not found\"}]")));

        Open311ServiceCatalogue catalogue = Open311ServiceCatalogue.create(settings(), clock);

        assertThat(catalogue.services()).extracting(ServiceDefinition::code).doesNotContain("noise").hasSize(7);
        assertThat(catalogue.problems()).singleElement().asString().contains("services/noise.json").contains("404");
    }

    private static void serveDemo() throws IOException {
        council.stubFor(get(urlPathEqualTo("/open311/v2/services.json")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(Files.readString(FileServiceCatalogueTest.DEMO.resolve("services.json")))));
        try (var files = Files.list(FileServiceCatalogueTest.DEMO.resolve("services"))) {
            for (var file : files.toList()) {
                council.stubFor(get(urlPathEqualTo("/open311/v2/services/" + file.getFileName())).willReturn(
                        aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                                .withBody(Files.readString(file))));
            }
        }
    }

    private static Open311Settings settings() {
        return new Open311Settings(council.baseUrl() + "/open311/v2", "", "brackenford.gov.uk", "json",
                Duration.ofSeconds(2), Duration.ofHours(1));
    }
}

package org.councilbot.handoff;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.councilbot.core.GeoPoint;
import org.councilbot.core.LookupUnavailableException;
import org.councilbot.core.PropertyAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A council's own gazetteer API, mapped by configuration: nothing like OS Places. */
class HttpAddressDirectoryTest {
    static final String KEY = "council-gazetteer-secret";
    static final String ADDRESSES = "/gazetteer/v2/postcodes/BF12AB/addresses";

    @RegisterExtension
    static WireMockExtension council = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void reads_the_councils_own_shape_through_the_mapping() {
        // given
        council.stubFor(get(urlEqualTo(ADDRESSES)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"meta":{"count":3},"data":{"addresses":[
                          {"id":900001200001,"line":"1 Mill Lane, Brackenford","location":{"lat":"52.70923","lon":"0.42141"}},
                          {"id":"900001200002","line":"  2 Mill Lane,\\tBrackenford ","location":null},
                          {"id":"900001200003","line":"3 Mill Lane, Brackenford","location":{"lat":0,"lon":0}}
                        ]}}""")));

        // when
        List<PropertyAddress> addresses = directory().addressesAt("BF1 2AB");

        // then: the postcode asked for, since this API does not send one; (0, 0) is no point
        assertThat(addresses).containsExactly(
                new PropertyAddress("900001200001", "1 Mill Lane, Brackenford", "BF1 2AB",
                        Optional.of(new GeoPoint(52.70923, 0.42141))),
                new PropertyAddress("900001200002", "2 Mill Lane, Brackenford", "BF1 2AB", Optional.empty()),
                new PropertyAddress("900001200003", "3 Mill Lane, Brackenford", "BF1 2AB", Optional.empty()));
        council.verify(getRequestedFor(urlEqualTo(ADDRESSES)).withHeader("X-Api-Key", equalTo(KEY))
                .withHeader("X-Client", equalTo("councilbot")));
    }

    @Test
    void an_unknown_postcode_answered_with_404_has_no_addresses() {
        council.stubFor(get(urlEqualTo("/gazetteer/v2/postcodes/BF99ZZ/addresses")).willReturn(aResponse().withStatus(404)
                .withBody("{\"title\":\"Not Found\",\"detail\":\"No addresses for BF99ZZ\"}")));

        assertThat(directory().addressesAt("BF9 9ZZ")).isEmpty();
    }

    @Test
    void an_empty_list_has_no_addresses() {
        council.stubFor(get(urlEqualTo(ADDRESSES)).willReturn(aResponse().withStatus(200)
                .withBody("{\"meta\":{\"count\":0},\"data\":{\"addresses\":[]}}")));

        assertThat(directory().addressesAt("BF1 2AB")).isEmpty();
    }

    @Test
    void a_redirect_is_not_followed_and_points_at_the_url_template() {
        council.stubFor(get(urlEqualTo(ADDRESSES)).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "https://login.council.example/")));

        assertThatThrownBy(() -> directory().addressesAt("BF1 2AB"))
                .isInstanceOf(LookupUnavailableException.class)
                .hasMessageContaining("answered HTTP 302; check lookups.addresses.url-template");
    }

    @Test
    void a_html_error_page_with_200_is_unavailable() {
        council.stubFor(get(urlEqualTo(ADDRESSES)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Maintenance</body></html>")));

        assertThatThrownBy(() -> directory().addressesAt("BF1 2AB"))
                .isInstanceOf(LookupUnavailableException.class)
                .hasMessageContaining("is not valid JSON");
    }

    @Test
    void a_body_larger_than_the_cap_is_unavailable() {
        council.stubFor(get(urlEqualTo(ADDRESSES)).willReturn(aResponse().withStatus(200)
                .withBody("{\"data\":{\"addresses\":[" + "{\"id\":1,\"line\":\"x\"},".repeat(200_000) + "{}]}}")));

        assertThatThrownBy(() -> directory().addressesAt("BF1 2AB"))
                .isInstanceOf(LookupUnavailableException.class)
                .hasMessageContaining("sent a body larger than " + JsonLookupClient.MAX_BODY_BYTES + " bytes");
    }

    private static HttpAddressDirectory directory() {
        HttpLookupSettings settings = new HttpLookupSettings("lookups.addresses",
                council.baseUrl() + "/gazetteer/v2/postcodes/{postcode_nospace}/addresses",
                KEY, Map.of("X-Api-Key", "{key}", "X-Client", "councilbot"), Duration.ofSeconds(2), 500);
        AddressMapping mapping = new AddressMapping("/data/addresses", "", "/id", "/line", "", "/location/lat",
                "/location/lon", "", List.of());
        return HttpAddressDirectory.create(settings, mapping, Clock.systemUTC());
    }
}

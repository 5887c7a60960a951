package org.councilbot.handoff;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.councilbot.core.AttributeDatatype;
import org.councilbot.core.AttributeOption;
import org.councilbot.core.RequestStatus;
import org.councilbot.core.ServiceAttribute;
import org.councilbot.core.ServiceDefinition;
import org.councilbot.core.ServiceDeskUnavailableException;
import org.councilbot.core.ServiceRequestRejectedException;
import org.councilbot.core.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Open311 client and catalogue against the spec's XML shapes, which many council servers answer in. */
class Open311XmlTest {
    static final String XML = "text/xml; charset=utf-8";

    @RegisterExtension
    static WireMockExtension council = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void posts_and_reads_the_xml_service_request_id() {
        council.stubFor(post("/open311/v2/requests.xml").willReturn(xml(201, """
                <?xml version="1.0" encoding="utf-8"?>
                <service_requests>
                  <request>
                    <service_request_id>293944</service_request_id>
                    <service_notice>The City will inspect and require the responsible party to correct within 24 hours.</service_notice>
                    <account_id/>
                  </request>
                </service_requests>""")));

        assertThat(desk().submit(TestRequests.missedBin(TestRequests.newReference()))).isEqualTo("293944");
    }

    @Test
    void an_xml_token_means_the_reference_follows() {
        council.stubFor(post("/open311/v2/requests.xml").willReturn(xml(201, """
                <?xml version="1.0" encoding="utf-8"?>
                <service_requests><request><token>12345</token></request></service_requests>""")));
        council.stubFor(get(urlEqualTo("/open311/v2/tokens/12345.xml")).willReturn(xml(200, """
                <?xml version="1.0" encoding="utf-8"?>
                <service_requests><request><service_request_id>638344</service_request_id><token>12345</token></request></service_requests>""")));
        Open311ServiceDesk desk = desk();

        assertThatThrownBy(() -> desk.submit(TestRequests.missedBin(TestRequests.newReference())))
                .isInstanceOfSatisfying(ReferenceToFollowException.class, e -> assertThat(e.receiptToken()).isEqualTo("12345"));
        assertThat(desk.resolveReference("12345")).contains("638344");
    }

    @Test
    void an_xml_error_list_is_a_refusal_with_the_council_words() {
        council.stubFor(post("/open311/v2/requests.xml").willReturn(xml(403, """
                <?xml version="1.0" encoding="utf-8"?>
                <errors>
                  <error>
                    <code>403</code>
                    <description>Invalid api_key received -- can't proceed with create_request.</description>
                  </error>
                </errors>""")));

        assertThatThrownBy(() -> desk().submit(TestRequests.missedBin(TestRequests.newReference())))
                .isInstanceOf(ServiceRequestRejectedException.class)
                .hasMessageContaining("Invalid api_key received -- can't proceed with create_request. (403)");
    }

    @Test
    void reads_an_xml_request_status() {
        council.stubFor(get(urlEqualTo("/open311/v2/requests/638344.xml")).willReturn(xml(200, """
                <?xml version="1.0" encoding="utf-8"?>
                <service_requests>
                  <request>
                    <service_request_id>638344</service_request_id>
                    <status>open</status>
                    <status_notes></status_notes>
                    <service_name>Pothole</service_name>
                    <service_code>pothole</service_code>
                    <description></description>
                    <agency_responsible></agency_responsible>
                    <service_notice></service_notice>
                    <requested_datetime>2026-03-02T09:15:30Z</requested_datetime>
                    <updated_datetime></updated_datetime>
                    <expected_datetime></expected_datetime>
                    <address>Mill Lane</address>
                    <address_id></address_id>
                    <zipcode></zipcode>
                    <lat>52.1</lat>
                    <long>-1.2</long>
                    <media_url></media_url>
                  </request>
                </service_requests>""")));

        assertThat(desk().status("638344")).contains(new RequestStatus("638344", "pothole", "open", "",
                Instant.parse("2026-03-02T09:15:30Z"), Optional.empty()));
    }

    @Test
    void malformed_xml_is_unavailable_with_a_clear_message() {
        council.stubFor(post("/open311/v2/requests.xml").willReturn(xml(201, "<service_requests><request>")));

        assertThatThrownBy(() -> desk().submit(TestRequests.missedBin(TestRequests.newReference())))
                .isInstanceOf(ServiceDeskUnavailableException.class)
                .hasMessageContaining("not well-formed XML").hasMessageContaining("open311.format is xml");
    }

    @Test
    void refuses_xml_with_a_doctype() {
        // Regression guard: an external entity must never be fetched or expanded.
        council.stubFor(post("/open311/v2/requests.xml").willReturn(xml(201, """
                <?xml version="1.0"?>
                <!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <service_requests><request><service_request_id>&x;</service_request_id></request></service_requests>""")));

        assertThatThrownBy(() -> desk().submit(TestRequests.missedBin(TestRequests.newReference())))
                .isInstanceOf(ServiceDeskUnavailableException.class)
                .hasMessageContaining("not well-formed XML")
                .hasMessageNotContaining("root:");
    }

    @Test
    void reads_an_xml_catalogue_and_skips_a_bad_definition() {
        // given
        council.stubFor(get(urlEqualTo("/open311/v2/services.xml")).willReturn(xml(200, """
                <?xml version="1.0" encoding="utf-8"?>
                <services>
                  <service>
                    <service_code>noise</service_code>
                    <service_name>Noise complaint</service_name>
                    <description>Report ongoing noise.</description>
                    <metadata>true</metadata>
                    <type>realtime</type>
                    <keywords>noise, loud music</keywords>
                    <group>Environmental health</group>
                  </service>
                  <service>
                    <service_code>graffiti</service_code>
                    <service_name>Graffiti</service_name>
                    <description></description>
                    <metadata>true</metadata>
                    <type>realtime</type>
                    <keywords></keywords>
                    <group></group>
                  </service>
                </services>""")));
        council.stubFor(get(urlEqualTo("/open311/v2/services/noise.xml")).willReturn(xml(200, """
                <?xml version="1.0" encoding="utf-8"?>
                <service_definition>
                  <service_code>noise</service_code>
                  <attributes>
                    <attribute>
                      <variable>true</variable>
                      <code>noise_source</code>
                      <datatype>singlevaluelist</datatype>
                      <required>true</required>
                      <datatype_description>Choose one.</datatype_description>
                      <order>1</order>
                      <description>What is the noise?</description>
                      <values>
                        <value><key>music</key><name>Loud music or TV</name></value>
                      </values>
                    </attribute>
                  </attributes>
                </service_definition>""")));
        council.stubFor(get(urlEqualTo("/open311/v2/services/graffiti.xml")).willReturn(xml(200, """
                <?xml version="1.0" encoding="utf-8"?>
                <service_definition><service_code>graffiti</service_code><attributes>
                  <attribute><variable>true</variable><code>surface</code><datatype>picture</datatype>
                    <required>false</required><datatype_description/><order>1</order><description>Where?</description></attribute>
                </attributes></service_definition>""")));

        // when
        Open311ServiceCatalogue catalogue = Open311ServiceCatalogue.create(settings(), new MutableClock(Instant.EPOCH));

        // then
        assertThat(catalogue.services()).singleElement().satisfies(service -> {
            assertThat(service).extracting(ServiceDefinition::code, ServiceDefinition::name, ServiceDefinition::keywords)
                    .containsExactly("noise", "Noise complaint", java.util.List.of("noise", "loud music"));
            assertThat(service.attributes()).containsExactly(new ServiceAttribute("noise_source",
                    AttributeDatatype.SINGLEVALUELIST, true, "What is the noise?", "Choose one.", 1, true,
                    java.util.List.of(new AttributeOption("music", "Loud music or TV"))));
        });
        assertThat(catalogue.problems()).singleElement().asString().contains("services/graffiti.xml").contains("'surface'");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", XML).withBody(body);
    }

    private static Open311ServiceDesk desk() {
        return Open311ServiceDesk.create(settings(), FileServiceCatalogue.load(FileServiceCatalogueTest.DEMO));
    }

    private static Open311Settings settings() {
        return new Open311Settings(council.baseUrl() + "/open311/v2/", "key", "", "xml", Duration.ofSeconds(2),
                Duration.ofHours(1));
    }
}

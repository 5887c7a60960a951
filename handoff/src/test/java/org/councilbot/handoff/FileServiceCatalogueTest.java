package org.councilbot.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.councilbot.core.AttributeDatatype;
import org.councilbot.core.AttributeOption;
import org.councilbot.core.CouncilbotException;
import org.councilbot.core.ServiceAttribute;
import org.councilbot.core.ServiceDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileServiceCatalogueTest {
    // The demo council's catalogue, relative to the handoff module where Maven runs the tests.
    static final Path DEMO = Path.of("../evals/suites/demo/open311");

    @TempDir
    Path folder;

    @Test
    void reads_every_service_of_the_demo_council() {
        FileServiceCatalogue catalogue = FileServiceCatalogue.load(DEMO);

        assertThat(catalogue.problems()).isEmpty();
        assertThat(catalogue.services()).extracting(ServiceDefinition::code).containsExactly(
                "missed-bin", "fly-tipping", "pothole", "abandoned-vehicle", "street-light", "dog-fouling", "noise",
                "litter-bin");
        ServiceDefinition missedBin = catalogue.service("missed-bin").orElseThrow();
        assertThat(missedBin.name()).isEqualTo("Missed bin collection");
        assertThat(missedBin.group()).isEqualTo("Bins and recycling");
        assertThat(missedBin.keywords()).contains("missed bin", "food caddy missed");
        assertThat(missedBin.attributes()).extracting(ServiceAttribute::code)
                .containsExactly("bin_type", "collection_date", "bin_out_by_630", "bin_location");
        ServiceAttribute binType = missedBin.attributes().getFirst();
        assertThat(binType.datatype()).isEqualTo(AttributeDatatype.SINGLEVALUELIST);
        assertThat(binType.required()).isTrue();
        assertThat(binType.question()).isEqualTo("Which bin was missed?");
        assertThat(binType.options()).first().isEqualTo(new AttributeOption("blue_recycling", "Blue recycling bin"));
        assertThat(catalogue.service("abandoned-vehicle").orElseThrow().attributes())
                .filteredOn(a -> a.code().equals("condition")).singleElement()
                .extracting(ServiceAttribute::datatype).isEqualTo(AttributeDatatype.MULTIVALUELIST);
    }

    @Test
    void reads_a_terse_real_shaped_catalogue_with_string_flags_and_a_groups_array() throws IOException {
        // given a server that names a service once, says "true" as text and sends groups as an array
        write("services.json", "[{\"service_code\":\"flytip\",\"service_name\":\"Flytipping\","
                + "\"description\":\"Flytipping\",\"metadata\":\"true\",\"type\":\"realtime\","
                + "\"groups\":[\"Environment\",\"Street Scene\"]}]");
        write("services/flytip.json", definition("flytip",
                attribute("waste_type", "string", ""),
                "{\"variable\":false,\"code\":\"_usrn\",\"datatype\":\"string\",\"required\":false,"
                        + "\"datatype_description\":\"Set by the system\",\"order\":2,\"description\":\"USRN\"}"));

        // when
        FileServiceCatalogue catalogue = FileServiceCatalogue.load(folder);

        // then
        ServiceDefinition flytip = catalogue.service("flytip").orElseThrow();
        assertThat(flytip.name()).isEqualTo("Flytipping");
        assertThat(flytip.description()).isEqualTo("Flytipping");
        assertThat(flytip.group()).isEqualTo("Environment, Street Scene");
        assertThat(flytip.attributes()).filteredOn(ServiceAttribute::variable).extracting(ServiceAttribute::code)
                .containsExactly("waste_type");
    }

    @Test
    void skips_a_definition_with_an_unknown_datatype_and_keeps_the_rest() throws IOException {
        // given
        write("services.json", list("pothole", "graffiti"));
        write("services/pothole.json", definition("pothole", attribute("depth_mm", "number", "")));
        write("services/graffiti.json", definition("graffiti", attribute("colour", "colour", "")));

        // when
        FileServiceCatalogue catalogue = FileServiceCatalogue.load(folder);

        // then
        assertThat(catalogue.services()).extracting(ServiceDefinition::code).containsExactly("pothole");
        assertThat(catalogue.problems()).singleElement().asString()
                .contains("services/graffiti.json").contains("'colour'").contains("unknown datatype");
    }

    @Test
    void skips_a_list_attribute_without_values() throws IOException {
        write("services.json", list("pothole", "noise"));
        write("services/pothole.json", definition("pothole", attribute("depth_mm", "number", "")));
        write("services/noise.json", definition("noise", attribute("noise_source", "singlevaluelist", "")));

        FileServiceCatalogue catalogue = FileServiceCatalogue.load(folder);

        assertThat(catalogue.services()).extracting(ServiceDefinition::code).containsExactly("pothole");
        assertThat(catalogue.problems()).singleElement().asString()
                .contains("services/noise.json").contains("noise_source").contains("lists no values");
    }

    @Test
    void skips_a_malformed_or_missing_definition() throws IOException {
        write("services.json", list("pothole", "noise", "litter"));
        write("services/pothole.json", definition("pothole", attribute("depth_mm", "number", "")));
        write("services/noise.json", "{\"service_code\": \"noise\", \"attributes\": [ {\"code\": ");

        FileServiceCatalogue catalogue = FileServiceCatalogue.load(folder);

        assertThat(catalogue.services()).extracting(ServiceDefinition::code).containsExactly("pothole");
        assertThat(catalogue.problems()).hasSize(2);
        assertThat(catalogue.problems().get(0)).contains("services/noise.json").contains("not valid JSON");
        assertThat(catalogue.problems().get(1)).contains("services/litter.json").contains("missing");
    }

    @Test
    void cuts_an_oversized_description_and_says_so() throws IOException {
        // given: a 1 MB description in the list and a 1 MB question in the definition
        String huge = "x".repeat(1024 * 1024);
        write("services.json", "[{\"service_code\":\"pothole\",\"service_name\":\"Pothole\",\"description\":\"" + huge
                + "\",\"metadata\":true}]");
        write("services/pothole.json", definition("pothole", attribute("depth_mm", "number", "").replace(
                "\"description\":\"Question?\"", "\"description\":\"" + huge + "\"")));

        // when
        FileServiceCatalogue catalogue = FileServiceCatalogue.load(folder);

        // then
        ServiceDefinition pothole = catalogue.service("pothole").orElseThrow();
        assertThat(pothole.description()).hasSize(CatalogueReader.MAX_DESCRIPTION_CHARS).endsWith("…");
        assertThat(pothole.attributes().getFirst().question()).hasSize(CatalogueReader.MAX_QUESTION_CHARS);
        assertThat(catalogue.problems()).hasSize(2).allSatisfy(problem -> assertThat(problem).contains("1048576 characters"));
        assertThat(catalogue.problems().get(1)).contains("services/pothole.json").contains("'depth_mm'");
    }

    @Test
    void refuses_a_service_code_that_would_leave_the_folder() throws IOException {
        write("services.json", "[{\"service_code\":\"../../etc/passwd\",\"service_name\":\"Evil\",\"metadata\":true},"
                + "{\"service_code\":\"pothole\",\"service_name\":\"Pothole\",\"metadata\":false}]");

        FileServiceCatalogue catalogue = FileServiceCatalogue.load(folder);

        assertThat(catalogue.services()).extracting(ServiceDefinition::code).containsExactly("pothole");
        assertThat(catalogue.problems()).singleElement().asString().contains("invalid service_code");
    }

    @Test
    void refuses_an_option_key_too_long_to_send_back() throws IOException {
        String longKey = "k".repeat(CatalogueReader.MAX_KEY_CHARS + 1);
        write("services.json", list("noise"));
        write("services/noise.json", definition("noise", attribute("source", "singlevaluelist",
                ",\"values\":[{\"key\":\"" + longKey + "\",\"name\":\"Long\"}]")));

        FileServiceCatalogue catalogue = FileServiceCatalogue.load(folder);

        assertThat(catalogue.services()).isEmpty();
        assertThat(catalogue.problems()).singleElement().asString().contains("'source'").contains("value key of 201 characters");
    }

    @Test
    void skips_a_definition_file_over_the_size_limit() throws IOException {
        write("services.json", list("noise"));
        write("services/noise.json", " ".repeat((int) FileServiceCatalogue.MAX_FILE_BYTES + 1));

        FileServiceCatalogue catalogue = FileServiceCatalogue.load(folder);

        assertThat(catalogue.services()).isEmpty();
        assertThat(catalogue.problems()).singleElement().asString().contains("services/noise.json").contains("bytes");
    }

    @Test
    void removes_control_characters_from_texts_shown_to_residents() throws IOException {
        write("services.json", "[{\"service_code\":\"pothole\",\"service_name\":\"Pot\\u0000hole\\u202e\",\"metadata\":false}]");

        FileServiceCatalogue catalogue = FileServiceCatalogue.load(folder);

        assertThat(catalogue.services()).extracting(ServiceDefinition::name).containsExactly("Pothole");
    }

    @Test
    void fails_to_load_without_a_readable_service_list() throws IOException {
        assertThatThrownBy(() -> FileServiceCatalogue.load(folder))
                .isInstanceOfSatisfying(CouncilbotException.class, e -> assertThat(e.code()).isEqualTo("invalid_service_catalogue"))
                .hasMessageContaining("services.json").hasMessageContaining("missing");

        write("services.json", "{\"not\": \"a list\"}");
        assertThatThrownBy(() -> FileServiceCatalogue.load(folder))
                .isInstanceOf(CouncilbotException.class).hasMessageContaining("not a list of services");
    }

    private void write(String name, String content) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static String list(String... codes) {
        return "[" + String.join(",", List.of(codes).stream().map(code -> "{\"service_code\":\"" + code
                + "\",\"service_name\":\"" + code + "\",\"description\":\"\",\"metadata\":true,\"type\":\"realtime\","
                + "\"keywords\":\"\",\"group\":\"\"}").toList()) + "]";
    }

    private static String definition(String code, String... attributes) {
        return "{\"service_code\":\"" + code + "\",\"attributes\":[" + String.join(",", attributes) + "]}";
    }

    private static String attribute(String code, String datatype, String extra) {
        return "{\"variable\":true,\"code\":\"" + code + "\",\"datatype\":\"" + datatype + "\",\"required\":true,"
                + "\"datatype_description\":\"\",\"order\":1,\"description\":\"Question?\"" + extra + "}";
    }
}

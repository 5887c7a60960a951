package org.councilbot.index.understanding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.councilbot.core.CouncilbotException;
import org.councilbot.core.MessageClassifier;
import org.councilbot.core.MessageReading;
import org.councilbot.core.ServiceDefinition;
import org.councilbot.core.ServiceLink;
import org.councilbot.core.ServiceLinks;
import org.junit.jupiter.api.Test;

class CatalogueLinkerTest {
    private static final String TAXONOMY = """
            types:
              - id: missed_collection
                name: Missed bin collection
                family: missed_collection
                description: A bin was not emptied.
                terms: [missed bin, bin not emptied, missed collection]
                phrasings: [my bin was not emptied]
              - id: missed_garden
                name: Missed garden waste collection
                family: missed_collection
                description: A garden waste bin was not emptied.
                terms: [missed garden waste]
                phrasings: [garden bin not emptied]
              - id: fly_tipping
                name: Fly-tipping
                description: Rubbish dumped in a public place.
                terms: [fly tipping, dumped rubbish, illegal dumping]
                phrasings: [someone dumped a mattress]
              - id: street_light
                name: Street light fault
                description: A street light is out.
                terms: [street light, street lamp, lighting]
                attribute-terms: [column number]
                phrasings: [street light is out]
            """;

    private static ServiceTaxonomy taxonomy() throws Exception {
        return ServiceTaxonomy.read(new ByteArrayInputStream(TAXONOMY.getBytes(StandardCharsets.UTF_8)));
    }

    private static ServiceDefinition service(String code, String name, String description, String group,
                                             List<String> keywords) {
        return new ServiceDefinition(code, name, description, group, keywords, List.of());
    }

    @Test
    void links_a_terse_service_whose_name_is_its_description() throws Exception {
        CatalogueLinker linker = new CatalogueLinker(taxonomy(), MessageClassifier.none());

        ServiceLinks links = linker.link(List.of(service("flytip", "Flytipping", "Flytipping", "", List.of())), Map.of());

        assertThat(links.link("flytip")).get().extracting(ServiceLink::type).isEqualTo(Optional.of("fly_tipping"));
        assertThat(links.link("flytip").get().how()).isEqualTo("matched");
    }

    @Test
    void the_classifier_reads_a_service_named_in_no_term_of_the_taxonomy() throws Exception {
        // given a classifier that reads "Bins - missed" as a resident's missed-collection report
        MessageClassifier classifier = text -> text.startsWith("Bins - missed")
                ? new MessageReading(Map.of("report/missed_collection", 0.9, "question", 0.1))
                : new MessageReading(Map.of("question", 1.0));
        CatalogueLinker linker = new CatalogueLinker(taxonomy(), classifier);

        ServiceLinks links = linker.link(List.of(service("WST_MISS", "Bins - missed", "", "", List.of())), Map.of());

        assertThat(links.link("WST_MISS").get().type()).contains("missed_collection");
    }

    @Test
    void a_service_that_fits_no_type_stays_unlinked() throws Exception {
        CatalogueLinker linker = new CatalogueLinker(taxonomy(), MessageClassifier.none());

        ServiceLinks links = linker.link(List.of(service("trees", "Tree works enquiry", "Ask about a council tree", "",
                List.of())), Map.of());

        assertThat(links.link("trees").get().type()).isEmpty();
        assertThat(links.link("trees").get().how()).isEqualTo("unlinked");
    }

    @Test
    void a_group_alone_is_too_broad_to_link() throws Exception {
        CatalogueLinker linker = new CatalogueLinker(taxonomy(), MessageClassifier.none());

        ServiceLinks links = linker.link(List.of(service("x1", "Bench repair", "", "Street lighting and furniture",
                List.of())), Map.of());

        assertThat(links.link("x1").get().type()).isEmpty();
    }

    @Test
    void the_council_pins_or_refuses_a_link() throws Exception {
        CatalogueLinker linker = new CatalogueLinker(taxonomy(), MessageClassifier.none());
        List<ServiceDefinition> services = List.of(service("1001", "Env Crime", "", "", List.of()),
                service("1002", "Flytipping", "", "", List.of()));

        ServiceLinks links = linker.link(services, Map.of("1001", "fly_tipping", "1002", "none"));

        assertThat(links.link("1001").get()).extracting(ServiceLink::type, ServiceLink::how)
                .containsExactly(Optional.of("fly_tipping"), "pinned");
        assertThat(links.link("1002").get().type()).isEmpty();
        assertThat(links.serviceFor("fly_tipping")).get().extracting(ServiceLink::serviceCode).isEqualTo("1001");
    }

    @Test
    void a_pin_to_an_unknown_type_or_service_fails_naming_the_setting() throws Exception {
        CatalogueLinker linker = new CatalogueLinker(taxonomy(), MessageClassifier.none());
        List<ServiceDefinition> services = List.of(service("1001", "Flytipping", "", "", List.of()));

        assertThatThrownBy(() -> linker.link(services, Map.of("1001", "fly_tiping")))
                .isInstanceOf(CouncilbotException.class).hasMessageContaining("catalogue.links.1001");
        assertThatThrownBy(() -> linker.link(services, Map.of("9999", "fly_tipping")))
                .isInstanceOf(CouncilbotException.class).hasMessageContaining("9999");
    }

    @Test
    void one_service_for_the_family_takes_every_container() throws Exception {
        CatalogueLinker linker = new CatalogueLinker(taxonomy(), MessageClassifier.none());

        ServiceLinks links = linker.link(List.of(service("missed", "Missed bin", "Report a missed collection", "",
                List.of())), Map.of());

        assertThat(links.serviceFor("missed_garden")).get().extracting(ServiceLink::serviceCode).isEqualTo("missed");
        assertThat(links.serviceFor("fly_tipping")).isEmpty();
    }

    @Test
    void attribute_words_support_but_never_decide_a_link() throws Exception {
        CatalogueLinker linker = new CatalogueLinker(taxonomy(), MessageClassifier.none());
        ServiceDefinition lamp = new ServiceDefinition("SL", "SL fault", "", "", List.of(), List.of(
                new org.councilbot.core.ServiceAttribute("column_number", org.councilbot.core.AttributeDatatype.STRING,
                        false, "What is the column number?", "", 1, true, List.of())));

        assertThat(linker.link(List.of(lamp), Map.of()).link("SL").get().type()).isEmpty();
    }

    @Test
    void the_built_in_taxonomy_has_the_types_councils_take() {
        ServiceTaxonomy taxonomy = ServiceTaxonomy.builtIn();

        assertThat(taxonomy.types()).extracting(org.councilbot.core.ServiceType::id).contains("missed_collection",
                "missed_refuse", "missed_recycling", "missed_food", "missed_garden", "assisted_collection", "new_bin",
                "fly_tipping", "bulky_waste", "pothole", "pavement_defect", "street_light", "graffiti", "dog_fouling",
                "abandoned_vehicle", "litter_bin", "street_cleaning", "damaged_sign_bollard", "blocked_drain",
                "overgrown_vegetation", "dead_animal", "needles_sharps", "noise", "pests", "antisocial_behaviour");
        assertThat(taxonomy.types()).allSatisfy(type -> assertThat(type.phrasings()).isNotEmpty());
        assertThat(taxonomy.family("missed_garden")).isEqualTo(taxonomy.family("missed_refuse"));
    }
}

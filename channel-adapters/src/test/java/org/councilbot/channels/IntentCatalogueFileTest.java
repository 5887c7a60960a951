package org.councilbot.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.councilbot.core.Action;
import org.councilbot.core.IntentDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntentCatalogueFileTest {
    @TempDir
    Path dir;

    @Test
    void the_defaults_refuse_politics_and_leave_election_matters_to_the_pre_election_switch() {
        List<IntentDefinition> normal = IntentCatalogueFile.defaults(false);
        assertThat(normal).extracting(IntentDefinition::name).contains("political_opinion", "national_services")
                .doesNotContain("election_matters");
        assertThat(IntentCatalogueFile.defaults(true)).extracting(IntentDefinition::name).contains("election_matters");
        assertThat(normal).filteredOn(intent -> intent.name().equals("political_opinion")).singleElement()
                .satisfies(intent -> assertThat(intent.overridesPages()).isTrue());
    }

    @Test
    void the_defaults_look_up_bin_days_by_name() {
        assertThat(IntentCatalogueFile.defaults(false)).filteredOn(intent -> intent.name().equals("bin_collection_day"))
                .singleElement().satisfies(intent -> {
                    assertThat(intent.action()).isEqualTo(Action.LOOKUP);
                    assertThat(intent.serviceCode()).isEqualTo("bin-collections");
                    assertThat(intent.examples()).contains("when is my bin day");
                });
    }

    @Test
    void a_councils_file_adds_intents_and_replaces_defaults_of_the_same_name() throws Exception {
        Path file = Files.writeString(dir.resolve("intents.yaml"), """
                intents:
                  - name: report_missed_bin
                    action: form
                    service: missed-bin
                    label: Report a missed bin
                    examples: [my bin was not emptied, report a missed bin]
                  - name: abuse
                    action: handoff
                    examples: [you are useless]
                """);
        List<IntentDefinition> intents = IntentCatalogueFile.withCouncilFile(file, false);
        assertThat(intents).filteredOn(intent -> intent.name().equals("report_missed_bin")).singleElement()
                .satisfies(intent -> {
                    assertThat(intent.action()).isEqualTo(Action.FORM);
                    assertThat(intent.serviceCode()).isEqualTo("missed-bin");
                });
        assertThat(intents).filteredOn(intent -> intent.name().equals("abuse")).singleElement()
                .satisfies(intent -> assertThat(intent.action()).isEqualTo(Action.HANDOFF));
    }

    @Test
    void mistakes_fail_naming_the_file_and_the_intent() throws Exception {
        Path unknownKey = Files.writeString(dir.resolve("a.yaml"),
                "intents:\n  - name: x\n    action: answer\n    exampels: [a]\n");
        assertThatThrownBy(() -> IntentCatalogueFile.withCouncilFile(unknownKey, false))
                .hasMessageContaining("a.yaml").hasMessageContaining("intent 1 (x)").hasMessageContaining("exampels");
        Path badAction = Files.writeString(dir.resolve("b.yaml"),
                "intents:\n  - name: y\n    action: dance\n    examples: [a]\n");
        assertThatThrownBy(() -> IntentCatalogueFile.withCouncilFile(badAction, false))
                .hasMessageContaining("b.yaml").hasMessageContaining("(y)").hasMessageContaining("dance");
        Path formWithoutService = Files.writeString(dir.resolve("c.yaml"),
                "intents:\n  - name: z\n    action: form\n    examples: [a]\n");
        assertThatThrownBy(() -> IntentCatalogueFile.withCouncilFile(formWithoutService, false))
                .hasMessageContaining("names no service");
        Path noList = Files.writeString(dir.resolve("d.yaml"), "something: else\n");
        assertThatThrownBy(() -> IntentCatalogueFile.withCouncilFile(noList, false)).hasMessageContaining("'intents:'");
    }
}

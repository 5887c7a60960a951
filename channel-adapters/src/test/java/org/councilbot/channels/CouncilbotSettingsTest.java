package org.councilbot.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.councilbot.core.CouncilbotException;
import org.councilbot.handoff.RetentionSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CouncilbotSettingsTest {
    @TempDir
    Path dir;

    @Test
    void reads_the_council_file_over_the_defaults() {
        CouncilbotSettings settings = CouncilbotSettings.load(TestCouncilbot.COUNCIL, Map.of());
        assertThat(settings.council().name()).isEqualTo("Testvale Borough Council");
        assertThat(settings.council().suggestedTopics()).containsExactly("Bin day", "Pay council tax");
        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.engine()).isEqualTo(EngineSettings.defaults());
        assertThat(settings.indexDir()).isEqualTo(Path.of("data").toAbsolutePath().resolve("index"));
    }

    @Test
    void environment_variables_override_every_key() {
        CouncilbotSettings settings = CouncilbotSettings.load(TestCouncilbot.COUNCIL, Map.of(
                "SERVER_PORT", "9090", "COUNCILBOT_COUNCIL_NAME", "Othershire Council",
                "COUNCILBOT_ENGINE_ANSWER_FLOOR", "0.3", "COUNCILBOT_COUNCIL_SUGGESTED_TOPICS", "A, B"));
        assertThat(settings.port()).isEqualTo(9090);
        assertThat(settings.council().name()).isEqualTo("Othershire Council");
        assertThat(settings.engine().answerFloor()).isEqualTo(0.3);
        assertThat(settings.council().suggestedTopics()).containsExactly("A", "B");
    }

    @Test
    void a_bad_value_fails_at_start_naming_the_setting() {
        assertThatThrownBy(() -> CouncilbotSettings.load(TestCouncilbot.COUNCIL, Map.of("SERVER_PORT", "eighty")))
                .isInstanceOf(CouncilbotException.class).hasMessageContaining("server.port")
                .hasMessageContaining("eighty");
        assertThatThrownBy(() -> CouncilbotSettings.load(TestCouncilbot.COUNCIL,
                Map.of("COUNCILBOT_ENGINE_ANSWER_FLOOR", "2")))
                .hasMessageContaining("councilbot.engine.answer-floor");
    }

    @Test
    void days_are_counted_on_uk_time_unless_the_council_names_another_zone() {
        assertThat(CouncilbotSettings.load(TestCouncilbot.COUNCIL, Map.of()).timeZone())
                .isEqualTo(java.time.ZoneId.of("Europe/London"));
        assertThat(CouncilbotSettings.load(TestCouncilbot.COUNCIL, Map.of("COUNCILBOT_COUNCIL_TIME_ZONE", "Europe/Dublin"))
                .timeZone()).isEqualTo(java.time.ZoneId.of("Europe/Dublin"));
        assertThatThrownBy(() -> CouncilbotSettings.load(TestCouncilbot.COUNCIL,
                Map.of("COUNCILBOT_COUNCIL_TIME_ZONE", "Brackenford/Town")))
                .isInstanceOf(CouncilbotException.class).hasMessageContaining("councilbot.council.time-zone")
                .hasMessageContaining("Brackenford/Town");
    }

    @Test
    void transcripts_are_redacted_and_kept_ninety_days_unless_the_council_says_otherwise() {
        CouncilbotSettings defaults = CouncilbotSettings.load(TestCouncilbot.COUNCIL, Map.of());
        CouncilbotSettings own = CouncilbotSettings.load(TestCouncilbot.COUNCIL, Map.of(
                "COUNCILBOT_RETENTION_REDACT_PERSONAL_DATA", "false", "COUNCILBOT_RETENTION_TRANSCRIPTS_DAYS", "30"));

        assertThat(defaults.retention()).isEqualTo(new RetentionSettings(true, 90));
        assertThat(own.retention()).isEqualTo(new RetentionSettings(false, 30));
        assertThatThrownBy(() -> CouncilbotSettings.load(TestCouncilbot.COUNCIL,
                Map.of("COUNCILBOT_RETENTION_TRANSCRIPTS_DAYS", "0")))
                .hasMessageContaining("councilbot.retention.transcripts-days");
        assertThatThrownBy(() -> CouncilbotSettings.load(TestCouncilbot.COUNCIL,
                Map.of("COUNCILBOT_RETENTION_REDACT_PERSONAL_DATA", "sometimes")))
                .hasMessageContaining("councilbot.retention.redact-personal-data");
    }

    @Test
    void a_missing_council_name_fails_and_says_how_to_set_it() throws Exception {
        Path file = Files.writeString(dir.resolve("council.yaml"), "councilbot:\n  data-dir: x\n");
        assertThatThrownBy(() -> CouncilbotSettings.load(file, Map.of()))
                .hasMessageContaining("councilbot.council.name").hasMessageContaining("COUNCILBOT_COUNCIL_NAME");
    }

    @Test
    void an_unreadable_file_fails_with_its_path() {
        assertThatThrownBy(() -> CouncilbotSettings.load(dir.resolve("missing.yaml"), Map.of()))
                .hasMessageContaining("missing.yaml");
    }
}

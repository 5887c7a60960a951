package org.councilbot.evals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.councilbot.core.CouncilbotException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real engine takes a suite's councilbot.yaml as the server would, lookups included. */
class EngineSuiteBotTest {
    static final String COUNCIL = """
            councilbot:
              council:
                name: Tiny District Council
                website-url: https://www.tiny.example.gov.uk
                contact-phone: 01632 960000
                office-hours: Monday to Friday, 9am to 5pm
                out-of-hours-phone: 01632 960999
              lookups:
                addresses:
                  type: file
                  file: lookups/addresses.csv
                bin-collections:
                  type: file
                  file: lookups/bin-collections.csv
            """;

    @TempDir
    Path tmp;

    @Test
    void a_suite_with_lookup_files_runs_with_them() throws IOException {
        // given
        Path suiteDir = suiteWith("""
                uprn,address,postcode,latitude,longitude
                900001200001,"1 Mill Lane, Tinyton, BF1 2AB",BF1 2AB,52.70923,0.42141
                """);

        // when / then
        try (SuiteBot bot = EngineSuiteBot.open(new SuiteLoader().load(suiteDir), Files.createDirectory(tmp.resolve("work")))) {
            assertThat(bot.send(bot.startConversation(), "hello").text()).isNotBlank();
        }
    }

    @Test
    void a_bad_lookup_file_stops_the_evaluation_naming_the_file_and_line() throws IOException {
        Path suiteDir = suiteWith("uprn,address,postcode\n900001200001,\"1 Mill Lane,BF1 2AB\n");
        Suite suite = new SuiteLoader().load(suiteDir);
        Path work = Files.createDirectory(tmp.resolve("work"));

        assertThatThrownBy(() -> EngineSuiteBot.open(suite, work))
                .isInstanceOf(CouncilbotException.class)
                .hasMessageContaining("The address file " + suiteDir.resolve("lookups/addresses.csv").toAbsolutePath())
                .hasMessageContaining("line 2 has a quote that is never closed");
        assertThat(work.resolve("index")).as("fails before indexing").doesNotExist();
    }

    private Path suiteWith(String addresses) throws IOException {
        Path source = Fixtures.tinySuite();
        Path target = tmp.resolve("tiny");
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path path : walk.toList()) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        }
        Files.writeString(target.resolve(EngineSuiteBot.COUNCIL_CONFIGURATION), COUNCIL);
        Path lookups = Files.createDirectories(target.resolve("lookups"));
        Files.writeString(lookups.resolve("addresses.csv"), addresses);
        Files.writeString(lookups.resolve("bin-collections.csv"), """
                covers,round,weekday,every_weeks,week_of
                BF1,Refuse,Tuesday,1,2026-09-14
                """);
        return target;
    }
}

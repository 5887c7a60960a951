package org.councilbot.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.councilbot.core.CouncilbotException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SynonymsTest {
    private final TextAnalysis analysis = new TextAnalysis();

    @AfterEach
    void close() {
        analysis.close();
    }

    @Test
    void lets_each_entry_of_a_comma_rule_stand_for_the_others() {
        // given
        Synonyms synonyms = parse("bin, rubbish, refuse");

        // when
        Map<String, Set<List<String>>> found = synonyms.alternatives(analysis.querySequence("rubbish day"));

        // then
        assertThat(found).containsOnlyKeys("rubbish");
        assertThat(found.get("rubbish")).containsExactly(List.of("bin"), List.of("refus"));
    }

    @Test
    void applies_an_arrow_rule_one_way_only() {
        // given
        Synonyms synonyms = parse("ctax, c-tax => council tax");

        // then
        assertThat(synonyms.alternatives(analysis.querySequence("ctax discount")))
                .containsExactly(Map.entry("ctax", Set.of(List.of("council", "tax"))));
        assertThat(synonyms.alternatives(analysis.querySequence("c-tax discount")).get("tax"))
                .containsExactly(List.of("council", "tax"));
        assertThat(synonyms.alternatives(analysis.querySequence("council tax discount"))).isEmpty();
    }

    @Test
    void matches_a_phrase_only_as_a_whole_and_after_the_same_analysis_as_questions() {
        // given
        Synonyms synonyms = parse("Household Recycling Centres, tip");

        // when
        Map<String, Set<List<String>>> whole = synonyms.alternatives(
                analysis.querySequence("household recycling centre opening hours"));
        Map<String, Set<List<String>>> part = synonyms.alternatives(analysis.querySequence("recycling centre hours"));

        // then every word of the phrase may be said as "tip"
        assertThat(whole).containsOnlyKeys("household", "recycl", "centr");
        assertThat(whole.values()).allSatisfy(alternatives -> assertThat(alternatives).containsExactly(List.of("tip")));
        assertThat(part).isEmpty();
    }

    @Test
    void ignores_comments_and_blank_lines() {
        Synonyms synonyms = parse("# bins", "", "   ", "  # tips, dumps", "bin, waste");

        assertThat(synonyms.alternatives(analysis.querySequence("tips bin")))
                .containsExactly(Map.entry("bin", Set.of(List.of("wast"))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bin,, waste | empty entry",
            "bin, waste, | empty entry",
            "bin | a rule needs two or more entries",
            "bin => waste => refuse | more than one =>",
            "=> waste | empty entry",
            "bin => | empty entry",
            "the, bin | \"the\" has no searchable words"})
    void refuses_a_malformed_rule_naming_the_source_and_line(String rule, String problem) {
        assertThatThrownBy(() -> new SynonymParser(analysis).parse(List.of("# council list", "", rule), "my-list.txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("my-list.txt line 3: " + problem)
                .hasMessageContaining(rule);
    }

    @Test
    void fails_to_load_a_malformed_file_naming_the_file_and_line(@TempDir Path dir) throws IOException {
        // given
        Path file = Files.writeString(dir.resolve("synonyms.txt"), "bin, waste\nskip permit,\n", StandardCharsets.UTF_8);

        // then
        assertThatThrownBy(() -> Synonyms.load(file, analysis))
                .isInstanceOfSatisfying(CouncilbotException.class, e -> assertThat(e.code()).isEqualTo("synonyms_invalid"))
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("line 2");
    }

    @Test
    void fails_to_load_a_missing_file_naming_it(@TempDir Path dir) {
        Path file = dir.resolve("missing.txt");

        assertThatThrownBy(() -> Synonyms.load(file, analysis))
                .isInstanceOfSatisfying(CouncilbotException.class, e -> assertThat(e.code()).isEqualTo("synonyms_invalid"))
                .hasMessageContaining(file.toAbsolutePath().toString());
    }

    @Test
    void ships_default_rules_for_common_council_words() {
        // when
        Synonyms defaults = Synonyms.defaults(analysis);

        // then
        assertThat(defaults.alternatives(analysis.querySequence("ctax")).get("ctax")).contains(List.of("council", "tax"));
        assertThat(defaults.alternatives(analysis.querySequence("tip")).get("tip"))
                .contains(List.of("household", "recycl", "centr"));
        assertThat(defaults.alternatives(analysis.querySequence("pcn")).get("pcn"))
                .contains(List.of("penalti", "charg", "notic"));
        assertThat(defaults.alternatives(analysis.querySequence("rubbish")).get("rubbish")).contains(List.of("bin"));
        assertThat(defaults.alternatives(analysis.querySequence("cost")).get("cost")).contains(List.of("fee"));
    }

    private Synonyms parse(String... lines) {
        return new Synonyms(new SynonymParser(analysis).parse(List.of(lines), "test"));
    }
}

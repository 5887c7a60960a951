package org.councilbot.evals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.councilbot.core.Action;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteLoaderTest {
    private static final Path TINY = Fixtures.tinySuite();
    private static final String PAGE = "https://testshire.example.gov.uk/bins";

    @TempDir
    Path dir;

    private final SuiteLoader loader = new SuiteLoader();

    @Test
    void loads_the_tiny_suite_with_council_details_cases_and_resolved_corpus_ids() {
        // when
        Suite suite = loader.load(TINY);

        // then
        assertThat(suite.name()).isEqualTo("tiny");
        assertThat(suite.council()).isEqualTo("Tinyton Town Council");
        assertThat(suite.officeHours()).contains("Monday to Friday, 9am to 5pm");
        assertThat(suite.contactPhone()).contains("01632 960000");
        assertThat(suite.website()).contains("https://tinyton.example.gov.uk");
        assertThat(suite.outOfHoursPhone()).isEmpty();
        assertThat(suite.corpusDir()).isEqualTo(TINY.resolve("corpus"));
        assertThat(suite.open311Dir()).isEmpty();
        assertThat(suite.cases()).extracting(SuiteCase::id).containsExactly("bins-001", "ctax-001", "lib-001",
                "hello-001", "sg-001", "person-001", "weather-001", "form-001");
        assertThat(suite.turnCount()).isEqualTo(10);
        assertThat(suite.warnings()).isEmpty();

        SuiteCase taxCase = suite.cases().get(1);
        assertThat(taxCase.tags()).containsExactly("council-tax", "follow-up");
        assertThat(taxCase.line()).isEqualTo(2);
        Expectation followUp = taxCase.turns().get(1).expect();
        assertThat(taxCase.turns().get(1).user()).isEqualTo("and can I pay monthly?");
        assertThat(followUp.action()).isEqualTo(Action.ANSWER);
        // "council-tax" is the id of corpus/council-tax.md, resolved to that page's url
        assertThat(followUp.docs()).containsExactly("https://tinyton.example.gov.uk/council-tax");
        assertThat(followUp.mustInclude()).containsExactly("direct debit");
        assertThat(followUp.mustNotInclude()).containsExactly("bitcoin");
        // "libraries" is an id from corpus.jsonl
        assertThat(suite.cases().get(2).turns().get(0).expect().docs())
                .containsExactly("https://tinyton.example.gov.uk/libraries");
        assertThat(suite.cases().get(3).line()).isEqualTo(5);

        Expectation form = suite.cases().get(7).turns().get(0).expect();
        assertThat(form.serviceCode()).contains("missed-bin");
        assertThat(form.slots()).isEqualTo(Map.of("bin_type", "blue"));
    }

    @Test
    void finds_the_open311_folder_when_the_suite_has_one() throws IOException {
        // given
        writeSuite(caseLine("a", "hello", "{\"action\": \"smalltalk\"}"));
        Files.createDirectories(dir.resolve("open311/services"));

        // when
        Suite suite = loader.load(dir);

        // then
        assertThat(suite.open311Dir()).contains(dir.resolve("open311"));
    }

    @Test
    void warns_when_a_doc_url_is_no_corpus_page() throws IOException {
        // given
        writeSuite(caseLine("a", "bins", "{\"action\": \"answer\", \"docs\": [\"https://testshire.example.gov.uk/bnis\"]}"));

        // when
        Suite suite = loader.load(dir);

        // then
        assertThat(suite.warnings()).singleElement().asString()
                .contains("cases.jsonl line 1").contains("https://testshire.example.gov.uk/bnis")
                .contains("not the url of any page");
        assertThat(suite.cases().get(0).turns().get(0).expect().docs())
                .containsExactly("https://testshire.example.gov.uk/bnis");
    }

    @Test
    void rejects_an_unknown_action_naming_file_line_and_the_allowed_actions() throws IOException {
        writeSuite(caseLine("a", "hello", "{\"action\": \"smalltalk\"}"),
                caseLine("b", "bins", "{\"action\": \"anwser\"}"));

        assertThatThrownBy(() -> loader.load(dir)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("cases.jsonl line 2")
                .hasMessageContaining("case 'b' turn 1")
                .hasMessageContaining("unknown action 'anwser'")
                .hasMessageContaining("answer, form, lookup, clarify, handoff, safeguarding, out_of_scope, smalltalk, dont_know");
    }

    @Test
    void rejects_a_turn_without_user_text() throws IOException {
        writeSuite("{\"id\": \"a\", \"turns\": [{\"expect\": {\"action\": \"smalltalk\"}}]}");

        assertThatThrownBy(() -> loader.load(dir)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("cases.jsonl line 1: case 'a' turn 1: missing 'user' text");
    }

    @Test
    void rejects_blank_user_text() throws IOException {
        writeSuite(caseLine("a", "  ", "{\"action\": \"smalltalk\"}"));

        assertThatThrownBy(() -> loader.load(dir)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("line 1").hasMessageContaining("missing 'user' text");
    }

    @Test
    void rejects_a_line_that_is_not_json() throws IOException {
        writeSuite(caseLine("a", "hello", "{\"action\": \"smalltalk\"}"), "{\"id\": \"b\", \"turns\": [");

        assertThatThrownBy(() -> loader.load(dir)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("cases.jsonl line 2: not valid JSON");
    }

    @Test
    void rejects_a_duplicate_case_id_naming_both_lines() throws IOException {
        writeSuite(caseLine("same", "hello", "{\"action\": \"smalltalk\"}"), "",
                caseLine("same", "bye", "{\"action\": \"smalltalk\"}"));

        assertThatThrownBy(() -> loader.load(dir)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("cases.jsonl line 3: duplicate case id 'same' (first on line 1)");
    }

    @Test
    void rejects_docs_that_are_not_a_list() throws IOException {
        writeSuite(caseLine("a", "bins", "{\"action\": \"answer\", \"docs\": \"" + PAGE + "\"}"));

        assertThatThrownBy(() -> loader.load(dir)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("cases.jsonl line 1: case 'a' turn 1: 'docs' must be a list");
    }

    @Test
    void rejects_an_unknown_expect_key_so_a_typo_cannot_pass_silently() throws IOException {
        writeSuite(caseLine("a", "bins", "{\"action\": \"answer\", \"must_includes\": [\"fortnightly\"]}"));

        assertThatThrownBy(() -> loader.load(dir)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("cases.jsonl line 1: case 'a' turn 1: unknown expect key 'must_includes'")
                .hasMessageContaining("allowed: action, docs, service_code, slots, must_include, must_not_include");
    }

    @Test
    void rejects_an_unknown_case_key() throws IOException {
        writeSuite("{\"id\": \"a\", \"tag\": [\"x\"], \"turns\": [{\"user\": \"hi\", \"expect\": {\"action\": \"smalltalk\"}}]}");

        assertThatThrownBy(() -> loader.load(dir)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("line 1").hasMessageContaining("unknown case key 'tag'");
    }

    @Test
    void rejects_a_turn_without_an_action() throws IOException {
        writeSuite(caseLine("a", "hello", "{\"docs\": []}"));

        assertThatThrownBy(() -> loader.load(dir)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("line 1").hasMessageContaining("missing 'action'");
    }

    @Test
    void rejects_a_doc_that_is_neither_url_nor_corpus_id() throws IOException {
        writeSuite(caseLine("a", "bins", "{\"action\": \"answer\", \"docs\": [\"bins-page\"]}"));

        assertThatThrownBy(() -> loader.load(dir)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("line 1").hasMessageContaining("doc 'bins-page' is neither a url nor the id");
    }

    @Test
    void rejects_a_repeated_key_within_a_case() throws IOException {
        writeSuite("{\"id\": \"a\", \"id\": \"b\", \"turns\": [{\"user\": \"hi\", \"expect\": {\"action\": \"smalltalk\"}}]}");

        assertThatThrownBy(() -> loader.load(dir)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("line 1: not valid JSON").hasMessageContaining("Duplicate field 'id'");
    }

    @Test
    void rejects_an_empty_cases_file() throws IOException {
        writeSuite("");

        assertThatThrownBy(() -> loader.load(dir)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("cases.jsonl has no cases");
    }

    @Test
    void rejects_a_suite_yaml_without_a_name() throws IOException {
        writeSuite(caseLine("a", "hello", "{\"action\": \"smalltalk\"}"));
        Files.writeString(dir.resolve("suite.yaml"), "council: Testshire\n");

        assertThatThrownBy(() -> loader.load(dir)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("suite.yaml: missing 'name'");
    }

    @Test
    void rejects_an_unknown_suite_yaml_key() throws IOException {
        writeSuite(caseLine("a", "hello", "{\"action\": \"smalltalk\"}"));
        Files.writeString(dir.resolve("suite.yaml"), "name: t\ncouncil: Testshire\noffice_hour: 9 to 5\n");

        assertThatThrownBy(() -> loader.load(dir)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("unknown key 'office_hour'");
    }

    @Test
    void rejects_a_suite_name_that_would_escape_the_output_folder() throws IOException {
        writeSuite(caseLine("a", "hello", "{\"action\": \"smalltalk\"}"));
        Files.writeString(dir.resolve("suite.yaml"), "name: ../etc\ncouncil: Testshire\n");

        assertThatThrownBy(() -> loader.load(dir)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("'name' must be letters, digits");
    }

    @Test
    void rejects_a_suite_without_corpus_or_cases() throws IOException {
        assertThatThrownBy(() -> loader.load(dir.resolve("missing"))).isInstanceOf(SuiteException.class)
                .hasMessageContaining("does not exist");

        Files.writeString(dir.resolve("suite.yaml"), "name: t\ncouncil: Testshire\n");
        assertThatThrownBy(() -> loader.load(dir)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("no corpus/ folder");

        Files.createDirectories(dir.resolve("corpus"));
        assertThatThrownBy(() -> loader.load(dir)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("no cases.jsonl");
    }

    @Test
    void expectation_defaults_to_nothing_but_the_action() throws IOException {
        writeSuite(caseLine("a", "hello", "{\"action\": \"smalltalk\"}"));

        Expectation expect = loader.load(dir).cases().get(0).turns().get(0).expect();

        assertThat(expect).isEqualTo(new Expectation(Action.SMALLTALK, List.of(), Optional.empty(), Map.of(),
                List.of(), List.of()));
    }

    private static String caseLine(String id, String user, String expectJson) {
        return "{\"id\": \"" + id + "\", \"turns\": [{\"user\": \"" + user + "\", \"expect\": " + expectJson + "}]}";
    }

    private void writeSuite(String... caseLines) throws IOException {
        Files.writeString(dir.resolve("suite.yaml"), "name: testshire\ncouncil: Testshire Council\n");
        Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(dir.resolve("corpus/bins.md"), "---\ntitle: Bins\nurl: " + PAGE + "\n---\n# Bins\n\nText.\n");
        Files.writeString(dir.resolve("cases.jsonl"), String.join("\n", caseLines) + "\n");
    }
}

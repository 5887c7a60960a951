package org.councilbot.evals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * Runs the tiny fixture suite through the command with the scripted {@link TinySuiteBot}.
 *
 * <p>Expected values, by hand. Turns (expected -> got): bins answer->answer; ctax answer->answer,
 * answer->answer (cites the wrong page, lacks "direct debit"); lib answer->dont_know; hello
 * smalltalk->smalltalk, clarify->error; sg safeguarding->safeguarding; person handoff->handoff;
 * weather out_of_scope->handoff; form form->form (missed-bin). So action accuracy 7/10; send
 * latencies 10,20,30,40,1,2,5,3,4,50 ms give p50 = rank 5 of sorted = 5 and p95 = rank 10 = 50.
 * bm25 ranks the 4 answer turns' pages at 1, 2, 1, none; hybrid at 1, 1, 1, 4.
 */
class EvalMainTest {
    private static final double EPS = 1e-9;
    private static final double LOG2_3 = Math.log(3) / Math.log(2);
    private static final double LOG2_5 = Math.log(5) / Math.log(2);

    @TempDir
    Path tmp;

    private final FakeTicker ticker = new FakeTicker();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<ScriptedSuiteBot> opened = new ArrayList<>();
    private final List<Path> workDirs = new ArrayList<>();

    @Test
    void runs_the_tiny_suite_and_writes_results_json_to_the_contract() throws IOException {
        // given
        Path outDir = tmp.resolve("out/tiny");

        // when
        int exit = eval("--suite", Fixtures.tinySuite().toString(), "--out", outDir.toString(),
                "--retrievers", "bm25,hybrid");

        // then
        assertThat(exit).as(err.toString()).isZero();
        JsonNode r = new ObjectMapper().readTree(outDir.resolve("results.json").toFile());
        assertThat(r.path("suite").asText()).isEqualTo("tiny");
        assertThat(r.path("cases").asInt()).isEqualTo(8);
        assertThat(r.path("turns").asInt()).isEqualTo(10);
        assertThat(r.path("errors").asInt()).isEqualTo(1);
        assertThat(r.at("/overall/action_accuracy").asDouble()).isCloseTo(0.7, within(EPS));

        assertThat(r.path("by_action").propertyStream().map(e -> e.getKey()).toList()).containsExactly(
                "answer", "smalltalk", "clarify", "safeguarding", "handoff", "out_of_scope", "form");
        assertThat(r.at("/by_action/answer/turns").asInt()).isEqualTo(4);
        assertThat(r.at("/by_action/answer/accuracy").asDouble()).isCloseTo(0.75, within(EPS));
        assertThat(r.at("/by_action/clarify/accuracy").asDouble()).isZero();
        assertThat(r.at("/by_tag/smalltalk/accuracy").asDouble()).isCloseTo(0.5, within(EPS));

        assertThat(r.path("engine_retriever").asText()).isEqualTo("hybrid");
        assertThat(r.path("retrieval").propertyStream().map(e -> e.getKey()).toList())
                .containsExactly("bm25", "hybrid");
        JsonNode bm25 = r.at("/retrieval/bm25");
        assertThat(bm25.path("recall_at_1").asDouble()).isCloseTo(0.5, within(EPS));
        assertThat(bm25.path("recall_at_5").asDouble()).isCloseTo(0.75, within(EPS));
        assertThat(bm25.path("mrr").asDouble()).isCloseTo(0.625, within(EPS));
        assertThat(bm25.path("ndcg_at_10").asDouble()).isCloseTo((2 + 1 / LOG2_3) / 4, within(EPS));
        assertThat(bm25.at("/latency_ms/p50").asDouble()).isEqualTo(2.0);
        assertThat(bm25.at("/latency_ms/p95").asDouble()).isEqualTo(4.0);
        JsonNode hybrid = r.at("/retrieval/hybrid");
        assertThat(hybrid.path("recall_at_1").asDouble()).isCloseTo(0.75, within(EPS));
        assertThat(hybrid.path("recall_at_5").asDouble()).isCloseTo(1.0, within(EPS));
        assertThat(hybrid.path("mrr").asDouble()).isCloseTo(0.8125, within(EPS));
        assertThat(hybrid.path("ndcg_at_10").asDouble()).isCloseTo((3 + 1 / LOG2_5) / 4, within(EPS));
        assertThat(hybrid.at("/latency_ms/p50").asDouble()).isEqualTo(6.0);
        assertThat(hybrid.at("/latency_ms/p95").asDouble()).isEqualTo(8.0);

        assertThat(r.at("/answers/citation_correctness").asDouble()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(r.at("/answers/must_include_rate").asDouble()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(r.at("/answers/must_not_include_violations").isInt()).isTrue();
        assertThat(r.at("/answers/must_not_include_violations").asInt()).isZero();
        assertThat(r.at("/safeguarding/recall").asDouble()).isEqualTo(1.0);
        assertThat(r.at("/safeguarding/false_alarm_rate").asDouble()).isEqualTo(0.0);
        assertThat(r.at("/handoff/precision").asDouble()).isCloseTo(0.5, within(EPS));
        assertThat(r.at("/handoff/recall").asDouble()).isEqualTo(1.0);
        assertThat(r.at("/out_of_scope/recall").asDouble()).isEqualTo(0.0);
        assertThat(r.at("/dont_know/recall").isNull()).as("no dont_know cases: null, never 0").isTrue();
        assertThat(r.path("service_code_accuracy").asDouble()).isEqualTo(1.0);
        assertThat(r.at("/latency_ms/p50").asDouble()).isEqualTo(5.0);
        assertThat(r.at("/latency_ms/p95").asDouble()).isEqualTo(50.0);

        JsonNode failures = r.path("failures");
        assertThat(failures).hasSize(4);
        assertThat(failures.findValuesAsText("case")).containsExactly("ctax-001", "lib-001", "hello-001", "weather-001");
        JsonNode error = failures.get(2);
        assertThat(error.path("turn").asInt()).isEqualTo(2);
        assertThat(error.path("expected").asText()).isEqualTo("clarify");
        assertThat(error.path("got").asText()).isEqualTo("error");
        assertThat(error.path("reply").asText()).isEqualTo("message_unreadable: The message has no words to read.");
        JsonNode library = failures.get(1);
        assertThat(library.path("got").asText()).isEqualTo("dont_know");
        assertThat(library.path("sources")).hasSize(1);
        assertThat(library.at("/sources/0").asText()).isEqualTo(TinySuiteBot.PARKING);

        assertThat(r.at("/thresholds/passed").asBoolean()).isTrue();
        assertThat(r.at("/thresholds/checked").asInt()).isEqualTo(5);
        assertThat(r.path("warnings")).singleElement()
                .satisfies(w -> assertThat(w.asText()).startsWith("1 turn(s) expect slots, which are not scored"));

        // and: the summary on stdout
        assertThat(out.toString()).contains("suite tiny: 8 cases, 10 turns, 1 error")
                .contains("action accuracy 0.700").contains("retrieval hybrid: recall@5 1.000, MRR 0.813")
                .contains("latency p50 5.00 ms, p95 50.00 ms").contains("thresholds: all 5 pass");

        // and: the bot was closed and its work folder removed
        assertThat(opened).singleElement().satisfies(bot -> assertThat(bot.closed()).isTrue());
        assertThat(workDirs).singleElement().satisfies(dir -> assertThat(dir).doesNotExist());
    }

    @Test
    void writes_a_readable_markdown_summary() throws IOException {
        Path outDir = tmp.resolve("out");

        eval("--suite", Fixtures.tinySuite().toString(), "--out", outDir.toString(), "--retrievers", "bm25,hybrid");

        String md = Files.readString(outDir.resolve("results.md"));
        assertThat(md).startsWith("# Evaluation: tiny\n")
                .contains("| action accuracy | 0.700 |")
                .contains("| recall@5 (hybrid) | 1.000 |")
                .contains("| dont_know recall | n/a |")
                .contains("| metric | bm25 | hybrid |")
                .contains("| MRR | 0.625 | 0.813 |")
                .contains("| answer | 4 | 0.750 |")
                .contains("| weather-001 | 1 | out_of_scope | handoff |")
                // replies are untrusted: no raw HTML reaches a Markdown renderer
                .contains("&lt;script&gt;alert('x')&lt;/script&gt;").doesNotContain("<script")
                .contains("nearest-rank");
        // every table row of a table has the same number of cells
        for (String table : md.split("\n\n")) {
            List<String> rows = table.lines().filter(l -> l.startsWith("|")).toList();
            if (!rows.isEmpty()) {
                long cells = cells(rows.get(0));
                assertThat(rows).allSatisfy(row -> assertThat(cells(row)).as(row).isEqualTo(cells));
            }
        }
    }

    @Test
    void writes_a_self_contained_html_report_with_charts_and_escaped_replies() throws Exception {
        Path outDir = tmp.resolve("out");

        eval("--suite", Fixtures.tinySuite().toString(), "--out", outDir.toString(), "--retrievers", "bm25,hybrid");

        String html = Files.readString(outDir.resolve("report.html"));
        // well-formed: parses as XML
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(outDir.resolve("report.html").toFile());
        assertThat(doc.getElementsByTagName("svg").getLength()).isEqualTo(3);
        assertThat(doc.getElementsByTagName("script").getLength()).as("no script, not even from a reply").isZero();
        assertThat(doc.getElementsByTagName("style").getLength()).isEqualTo(1);
        assertThat(html).doesNotContain("<script").doesNotContain("src=").doesNotContain("@import")
                .doesNotContain("<link")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Let me put you through to a person &amp; they&#39;ll help.")
                .contains("what&#39;s the weather &lt;b&gt;tomorrow&lt;/b&gt;?")
                .contains("Retrievers compared on the answer turns")
                .contains("message_unreadable: The message has no words to read.");
    }

    @Test
    void exits_1_and_lists_every_failed_threshold() throws IOException {
        // given
        Path strict = tmp.resolve("strict.yaml");
        Files.writeString(strict, """
                min:
                  overall.action_accuracy: 0.9
                  dont_know.recall: 0.5
                  retrieval.bm25.recall_at_5: 0.9
                max:
                  latency_ms.p95: 10
                """);
        Path outDir = tmp.resolve("out");

        // when
        int exit = eval("--suite", Fixtures.tinySuite().toString(), "--out", outDir.toString(),
                "--thresholds", strict.toString());

        // then: bm25 was not measured (default retriever only), so its path is absent
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("thresholds: 4 of 4 failed")
                .contains("FAILED overall.action_accuracy = 0.7, below min 0.9")
                .contains("FAILED dont_know.recall is null: no cases measured it (min 0.5)")
                .contains("FAILED retrieval.bm25.recall_at_5 is absent from results.json (min 0.9)")
                .contains("FAILED latency_ms.p95 = 50, above max 10");
        JsonNode r = new ObjectMapper().readTree(outDir.resolve("results.json").toFile());
        assertThat(r.at("/thresholds/passed").asBoolean()).isFalse();
        assertThat(r.at("/thresholds/failed")).hasSize(4);
        assertThat(r.path("retrieval").propertyStream().map(e -> e.getKey()).toList()).containsExactly("hybrid");
        assertThat(Files.readString(outDir.resolve("results.md"))).contains("## Failed thresholds")
                .contains("- latency_ms.p95 = 50, above max 10");
    }

    @Test
    void exits_0_without_thresholds() throws IOException {
        Path suite = copyOfTiny();
        Files.delete(suite.resolve("thresholds.yaml"));

        int exit = eval("--suite", suite.toString(), "--out", tmp.resolve("out").toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("thresholds: none");
    }

    @Test
    void exits_2_for_a_missing_suite_folder() {
        int exit = eval("--suite", tmp.resolve("nowhere").toString(), "--out", tmp.resolve("out").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("eval: suite folder").contains("does not exist")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(opened).isEmpty();
    }

    @Test
    void exits_2_for_a_bad_cases_file_naming_the_line() throws IOException {
        Path suite = copyOfTiny();
        Files.writeString(suite.resolve("cases.jsonl"),
                "{\"id\": \"a\", \"turns\": [{\"user\": \"hi\", \"expect\": {\"action\": \"greet\"}}]}\n");

        int exit = eval("--suite", suite.toString(), "--out", tmp.resolve("out").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("cases.jsonl line 1").contains("unknown action 'greet'")
                .doesNotContain("\tat ");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void exits_2_for_an_unknown_retriever_listing_the_known_ones() {
        int exit = eval("--suite", Fixtures.tinySuite().toString(), "--out", tmp.resolve("out").toString(),
                "--retrievers", "bm25,vector");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("eval: unknown retriever 'vector'; this engine has: bm25, hybrid");
        assertThat(opened).singleElement().satisfies(bot -> assertThat(bot.closed()).isTrue());
    }

    @Test
    void exits_2_for_a_bad_thresholds_file_before_running() throws IOException {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "min:\n  overall.action_accuracy: high\n");

        int exit = eval("--suite", Fixtures.tinySuite().toString(), "--out", tmp.resolve("out").toString(),
                "--thresholds", bad.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("must be a number");
        assertThat(opened).isEmpty();
    }

    @Test
    void exits_2_with_usage_when_the_suite_option_is_missing() {
        int exit = eval("--out", tmp.resolve("out").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--suite=DIR'").contains("Usage: eval");
    }

    @Test
    void the_real_engine_runs_a_suite_over_a_fresh_index_of_its_corpus() throws Exception {
        // given a thresholds file the real offline engine must meet on the tiny suite
        Path thresholds = Files.writeString(tmp.resolve("real-thresholds.yaml"),
                "min:\n  safeguarding.recall: 1.0\n  by_action.smalltalk.accuracy: 1.0\n"
                        + "  answers.citation_correctness: 1.0\n");
        StringWriter stdout = new StringWriter();
        EvalMain main = new EvalMain(EvalMain.engineFactory(), new PrintWriter(stdout), new PrintWriter(new StringWriter()));
        // when
        int exit = main.run("--suite", Fixtures.tinySuite().toString(), "--out", tmp.resolve("real").toString(),
                "--thresholds", thresholds.toString());
        // then
        assertThat(exit).as(stdout.toString()).isZero();
        JsonNode results = new ObjectMapper().readTree(tmp.resolve("real/results.json").toFile());
        assertThat(results.get("cases").asInt()).isEqualTo(8);
        assertThat(results.at("/retrieval/hybrid/recall_at_5").isNumber()).isTrue();
        assertThat(results.get("failures")).noneMatch(failure -> failure.get("case").asText().equals("bins-001"));
    }

    private int eval(String... args) {
        SuiteBotFactory factory = (suite, workDir) -> {
            assertThat(workDir).isEmptyDirectory();
            workDirs.add(workDir);
            ScriptedSuiteBot bot = TinySuiteBot.create(ticker);
            opened.add(bot);
            return bot;
        };
        return new EvalMain(factory, ticker, new PrintWriter(out, true), new PrintWriter(err, true)).run(args);
    }

    private Path copyOfTiny() throws IOException {
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
        return target;
    }

    private static long cells(String row) {
        return row.replace("\\|", "").chars().filter(c -> c == '|').count();
    }
}

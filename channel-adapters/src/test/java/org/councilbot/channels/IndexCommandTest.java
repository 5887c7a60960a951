package org.councilbot.channels;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.councilbot.core.KnowledgeQuery;
import org.councilbot.index.LuceneKnowledgeIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code councilbot index} from a folder or, crawling it first, from a council's website (a WireMock site here). */
class IndexCommandTest {
    @TempDir
    Path work;

    private final WireMockServer site = new WireMockServer(wireMockConfig().dynamicPort());
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() {
        site.start();
    }

    @AfterEach
    void stop() {
        site.stop();
    }

    private int run(String... args) {
        CommandLine commandLine = Main.commandLine(new Main(Map.of("COUNCILBOT_DATA_DIR", work.resolve("data").toString())));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @org.junit.jupiter.api.Test
    void index_help_prints_its_usage_and_succeeds() {
        assertThat(run("index", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: councilbot index").contains("--site=URL").contains("--corpus=DIR");
        assertThat(err.toString()).doesNotContain("Unknown option");
    }

    /** A page with an ETag, answering 304 when asked with it. */
    private void page(String path, String title, String text) {
        String etag = "\"" + Integer.toHexString(path.hashCode()) + "\"";
        site.stubFor(get(urlEqualTo(path)).atPriority(1).withHeader("If-None-Match", equalTo(etag))
                .willReturn(aResponse().withStatus(304).withHeader("ETag", etag)));
        site.stubFor(get(urlEqualTo(path)).atPriority(2).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withHeader("ETag", etag)
                .withBody("<html><head><title>" + title + "</title></head><body><main><h1>" + title + "</h1><p>" + text
                        + "</p></main></body></html>")));
    }

    @Test
    void crawls_the_site_into_the_data_folder_then_indexes_it() {
        // given a site without robots.txt or sitemap (WireMock answers 404 to both)
        page("/", "Eastbrook Council", "Welcome. <a href=\"/bins/missed-bin\">Report a missed bin</a>"
                + " <a href=\"/gone\">Old page</a>");
        page("/bins/missed-bin", "Report a missed bin", "Report a missed bin within two working days.");

        // when
        int exit = run("index", "--site", site.baseUrl() + "/", "--delay-ms", "0", "--concurrency", "1",
                "--max-pages", "10");

        // then
        assertThat(exit).as(err.toString()).isZero();
        Path folder = work.resolve("data/crawl/localhost_" + site.port());
        assertThat(folder.resolve("bins/missed-bin.html.url")).hasContent(site.baseUrl() + "/bins/missed-bin");
        assertThat(out.toString())
                .contains("Crawled " + site.baseUrl() + "/ in ")
                .contains(": 2 fetched (2 new, 0 changed, 0 the same), 0 not modified, 0 removed, 1 skipped, 0 failed")
                .contains("  No robots.txt (404 for " + site.baseUrl() + "/robots.txt): every page may be crawled")
                .contains("  skipped " + site.baseUrl() + "/gone: not found (404)")
                .contains("Indexing " + folder.toAbsolutePath().normalize())
                .contains("Indexed 2 pages as 2 chunks");
        try (LuceneKnowledgeIndex index = LuceneKnowledgeIndex.open(work.resolve("data/index"))) {
            assertThat(index.retrieve(KnowledgeQuery.of("missed bin", 1))).singleElement()
                    .satisfies(passage -> assertThat(passage.url()).isEqualTo(site.baseUrl() + "/bins/missed-bin"));
        }

        // when crawled again: nothing changed, so the site answers 304 and nothing is downloaded
        out.getBuffer().setLength(0);
        assertThat(run("index", "--site", site.baseUrl(), "--delay-ms", "0")).isZero();
        assertThat(out.toString()).contains(": 0 fetched (0 new, 0 changed, 0 the same), 2 not modified,");
    }

    @Test
    void names_itself_to_the_site_as_the_council_asks() {
        page("/", "Eastbrook Council", "Welcome.");
        assertThat(run("index", "--site", site.baseUrl() + "/", "--delay-ms", "0", "--user-agent",
                "councilbot (Eastbrook web team, web@eastbrook.example.gov.uk)")).as(err.toString()).isZero();
        assertThat(site.getAllServeEvents()).isNotEmpty().allSatisfy(event -> assertThat(event.getRequest()
                .getHeader("User-Agent")).isEqualTo("councilbot (Eastbrook web team, web@eastbrook.example.gov.uk)"));

        err.getBuffer().setLength(0);
        assertThat(run("index", "--site", site.baseUrl(), "--user-agent", "Mozilla/5.0")).isEqualTo(2);
        assertThat(err.toString()).contains("user-agent must be printable ASCII naming councilbot");
    }

    @Test
    void needs_exactly_one_of_a_folder_and_a_site() {
        assertThat(run("index")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required argument (specify one of these): (--corpus=DIR | --site=URL)");

        err.getBuffer().setLength(0);
        assertThat(run("index", "--corpus", work.toString(), "--site", "https://x.gov.uk")).isEqualTo(2);
        assertThat(err.toString()).contains("--corpus=DIR, --site=URL are mutually exclusive (specify only one)");

        err.getBuffer().setLength(0);
        assertThat(run("index", "--corpus", work.toString(), "--max-pages", "5")).isEqualTo(2);
        assertThat(err.toString()).contains("--max-pages, --delay-ms, --concurrency and --user-agent apply only with --site");
        assertThat(site.getAllServeEvents()).isEmpty();
    }

    @Test
    void explains_a_bad_site_address_or_crawl_setting_in_one_line() {
        assertThat(run("index", "--site", "www.council.gov.uk")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("councilbot: The site must be an absolute http(s) address such as"
                + " https://www.council.gov.uk/, was 'www.council.gov.uk'" + System.lineSeparator());

        err.getBuffer().setLength(0);
        assertThat(run("index", "--site", site.baseUrl(), "--concurrency", "0")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("councilbot: concurrency must be between 1 and 16, was 0"
                + System.lineSeparator());
        assertThat(site.getAllServeEvents()).isEmpty();
        assertThat(Files.exists(work.resolve("data"))).isFalse();
    }

    @Test
    void still_indexes_a_folder_of_pages() throws Exception {
        // given
        Path corpus = Files.createDirectories(work.resolve("pages"));
        Files.writeString(corpus.resolve("bins.md"), "---\ntitle: Bins\nurl: https://x.gov.uk/bins\n---\n"
                + "Bins go out on Monday.\n");

        // when
        int exit = run("index", "--corpus", corpus.toString(), "--index", work.resolve("index").toString());

        // then
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Indexed 1 pages as 1 chunks");
        assertThat(work.resolve("data")).doesNotExist();
    }
}

package org.councilbot.index.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.councilbot.core.CouncilbotException;
import org.councilbot.index.crawl.CrawlOutcome.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteCrawlerTest {
    static final long PAGE_LIMIT = 64 * 1024;

    @TempDir
    Path work;

    private TestSite site;
    private TestSite elsewhere;
    private Path folder;
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        site = TestSite.start();
        elsewhere = TestSite.start();
        folder = work.resolve("crawl");
    }

    @AfterEach
    void stop() {
        site.close();
        elsewhere.close();
    }

    static CrawlSettings.Builder settings() {
        return CrawlSettings.builder().delay(Duration.ZERO).concurrency(2).maxPageBytes(PAGE_LIMIT)
                .requestTimeout(Duration.ofSeconds(10));
    }

    private CrawlReport crawl(CrawlSettings settings) {
        return SiteCrawler.create(settings).crawl(site.url("/"), folder, progress::add);
    }

    private CrawlReport crawl() {
        return crawl(settings().build());
    }

    /** Address to file (relative), from the sidecars the indexer reads. */
    private Map<String, String> savedPages() throws IOException {
        Map<String, String> saved = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path sidecar : files.filter(file -> file.toString().endsWith(".url")).toList()) {
                String page = sidecar.getFileName().toString().replaceFirst("\\.url$", "");
                assertThat(sidecar.resolveSibling(page)).as("the page beside " + sidecar).isRegularFile();
                saved.put(Files.readString(sidecar).strip(), folder.relativize(sidecar.resolveSibling(page)).toString());
            }
        }
        return saved;
    }

    private Set<String> urls(List<String> paths) {
        return paths.stream().map(path -> site.url(path).toString()).collect(Collectors.toSet());
    }

    /**
     * One request at a time, 10 ms apart, on a clock that moves only when the crawler waits; each
     * wait is added to {@code waits}.
     */
    private SiteCrawler onWaitingClock(List<Duration> waits) {
        AtomicLong nanos = new AtomicLong();
        return SiteCrawler.create(settings().concurrency(1).delay(Duration.ofMillis(10)).build(), nanos::get, wait -> {
            waits.add(wait);
            nanos.addAndGet(wait.toNanos());
        }, Clock.systemUTC());
    }

    private Map<String, String> reasons(CrawlReport report, Kind kind) {
        Map<String, String> reasons = new TreeMap<>();
        report.outcomes(kind).forEach(outcome -> reasons.put(outcome.url().replace(site.base(), ""), outcome.reason()));
        return reasons;
    }

    @Test
    void crawls_the_pages_its_sitemaps_list_and_follows_no_links() throws IOException {
        // given
        EastbrookSite.withSitemaps(site, elsewhere);

        // when
        CrawlReport report = crawl();

        // then
        assertThat(report.discovery()).isEqualTo(CrawlReport.Discovery.SITEMAP);
        assertThat(savedPages().keySet()).isEqualTo(urls(EastbrookSite.SAVED));
        assertThat(report.outcomes(Kind.NEW)).hasSize(EastbrookSite.SAVED.size());
        assertThat(site.requestsTo("/contact")).as("linked from the home page, but not in a sitemap").isEmpty();
        assertThat(site.requestsTo("/sitemaps/documents.xml.gz")).singleElement()
                .satisfies(request -> assertThat(request.status()).isEqualTo(200));
        assertThat(reasons(report, Kind.SKIPPED)).containsEntry("/news/old-story", "not found (404)")
                .containsEntry("/private/staff-rota", "excluded by robots.txt");
        assertThat(report.notes()).contains("Sitemaps: 3 read, 10 page addresses",
                "1 sitemap addresses on other sites were left out");
        assertThat(elsewhere.requests()).isEmpty();
    }

    @Test
    void follows_links_when_the_sitemap_robots_txt_names_is_missing() throws IOException {
        // given
        EastbrookSite.withoutSitemap(site, elsewhere);
        site.put("/robots.txt", TestSite.document("text/plain", (EastbrookSite.robots() + "Sitemap: /sitemap-2019.xml\n")
                .getBytes(StandardCharsets.UTF_8), false));

        // when
        CrawlReport report = crawl();

        // then
        assertThat(report.discovery()).isEqualTo(CrawlReport.Discovery.LINKS);
        assertThat(reasons(report, Kind.SKIPPED)).containsEntry("/sitemap-2019.xml", "sitemap not found (404)");
        assertThat(report.notes()).contains("No page address in the sitemaps: following links from " + site.url("/"));
        assertThat(savedPages()).hasSize(9);
    }

    @Test
    void follows_links_within_the_site_when_there_is_no_sitemap() throws IOException {
        // given
        EastbrookSite.withoutSitemap(site, elsewhere);

        // when
        CrawlReport report = crawl();

        // then
        assertThat(report.discovery()).isEqualTo(CrawlReport.Discovery.LINKS);
        List<String> expected = new ArrayList<>(EastbrookSite.SAVED);
        expected.add("/contact");
        assertThat(savedPages().keySet()).isEqualTo(urls(expected));
        assertThat(savedPages()).containsEntry(site.url("/").toString(), "index.html")
                .containsEntry(site.url("/bins/missed-bin").toString(), "bins/missed-bin.html")
                .containsEntry(site.url("/docs/recycling-guide.pdf").toString(), "docs/recycling-guide.pdf");
        assertThat(reasons(report, Kind.SKIPPED)).containsOnlyKeys("/old-parking", "/leaving", "/news/old-story",
                "/private/staff-rota", "/search?q=bins", "/account/sign-in", "/images/ward-map.png",
                "/downloads/ward-data", "/planning/weekly-list", "/planning/register", "/council-tax/draft-changes");
        assertThat(reasons(report, Kind.SKIPPED))
                .containsEntry("/search?q=bins", "a search results page")
                .containsEntry("/account/sign-in", "an account page (sign in or out)")
                .containsEntry("/council-tax/draft-changes", "asks not to be indexed (robots noindex)");
        assertThat(report.count(Kind.FAILED)).isZero();
        // Pages the crawl had no business asking for were never asked for.
        assertThat(site.requests()).extracting(TestSite.Request::path).doesNotContain("/private/staff-rota",
                "/search?q=bins", "/account/sign-in", "/images/ward-map.png").doesNotHaveDuplicates();
        assertThat(site.requests()).allSatisfy(request ->
                assertThat(request.header("User-Agent")).hasValue(CrawlSettings.DEFAULT_USER_AGENT));
        assertThat(elsewhere.requests()).isEmpty();
    }

    @Test
    void follows_redirects_on_the_site_and_cites_the_final_address_but_not_off_it() throws IOException {
        // given
        EastbrookSite.withoutSitemap(site, elsewhere);

        // when
        CrawlReport report = crawl();

        // then the 302 to a page nothing else links to gives that page, under its own address
        assertThat(report.outcomes(Kind.NEW)).filteredOn(outcome -> outcome.url().endsWith("/libraries/opening-hours"))
                .singleElement().satisfies(outcome -> assertThat(outcome.reason())
                        .isEqualTo("new page, " + site.requestsTo("/libraries/opening-hours").get(0).bodyBytes()
                                + " bytes (redirected from " + site.url("/libraries") + ")"));
        assertThat(savedPages()).doesNotContainKey(site.url("/libraries").toString());
        // the 301 to a page the home page also links to is fetched once, at its own address
        assertThat(reasons(report, Kind.SKIPPED)).containsEntry("/old-parking", "redirects to "
                + site.url("/parking/permits") + ", which is crawled at that address");
        assertThat(site.requestsTo("/parking/permits")).hasSize(1);
        // the 301 off the site is not followed
        assertThat(reasons(report, Kind.SKIPPED)).containsEntry("/leaving", "redirects off the site to "
                + elsewhere.url("/partner"));
        assertThat(elsewhere.requests()).isEmpty();
    }

    @Test
    void skips_huge_pages_without_reading_them_whole() throws IOException {
        // given
        EastbrookSite.withoutSitemap(site, elsewhere);

        // when
        CrawlReport report = crawl();

        // then
        assertThat(reasons(report, Kind.SKIPPED))
                .containsEntry("/planning/weekly-list", "larger than the 64 KB page limit; not downloaded")
                .containsEntry("/planning/register", "larger than the 64 KB page limit ("
                        + EastbrookSite.DECLARED_HUGE + " bytes declared); not downloaded");
        // The crawler hung up: the site wrote at most what socket buffers hold, not the gigabyte it had.
        assertThat(site.requestsTo("/planning/weekly-list")).singleElement()
                .satisfies(request -> assertThat(request.bodyBytes()).isLessThan(32L * 1024 * 1024));
        assertThat(site.requestsTo("/planning/register")).singleElement()
                .satisfies(request -> assertThat(request.bodyBytes()).isLessThan(32L * 1024 * 1024));
        assertThat(savedPages().keySet()).noneMatch(url -> url.contains("/planning/"));
    }

    @Test
    void skips_binary_files_and_keeps_pdfs_with_their_address() throws IOException {
        // given
        EastbrookSite.withoutSitemap(site, elsewhere);

        // when
        CrawlReport report = crawl();

        // then
        assertThat(reasons(report, Kind.SKIPPED))
                .containsEntry("/downloads/ward-data", "not a web page or PDF (application/zip)")
                .containsEntry("/images/ward-map.png", "a .png file, which cannot be indexed");
        assertThat(site.requestsTo("/images/ward-map.png")).isEmpty();
        try (PDDocument pdf = Loader.loadPDF(folder.resolve("docs/recycling-guide.pdf").toFile())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Rinse plastic pots and trays");
        }
        assertThat(Files.size(folder.resolve("docs/recycling-guide.pdf")))
                .isEqualTo(site.requestsTo("/docs/recycling-guide.pdf").get(0).bodyBytes());
        assertThat(folder.resolve("docs/recycling-guide.pdf.url"))
                .hasContent(site.url("/docs/recycling-guide.pdf").toString());
        assertThat(reasons(report, Kind.NEW)).hasEntrySatisfying("/docs/recycling-guide.pdf",
                reason -> assertThat(reason).startsWith("new PDF, "));
    }

    @Test
    void a_second_crawl_sends_validators_and_downloads_nothing_unchanged() throws IOException {
        // given
        EastbrookSite.withoutSitemap(site, elsewhere);
        CrawlReport first = crawl();
        FileTime saved = Files.getLastModifiedTime(folder.resolve("bins/missed-bin.html"));
        site.clearLog();

        // when
        CrawlReport second = crawl();

        // then
        assertThat(second.fetched()).isZero();
        assertThat(second.count(Kind.NOT_MODIFIED)).isEqualTo(first.count(Kind.NEW)).isEqualTo(9);
        assertThat(savedPages().keySet()).hasSize(9);
        assertThat(Files.getLastModifiedTime(folder.resolve("bins/missed-bin.html"))).isEqualTo(saved);
        for (String page : List.of("/", "/bins/missed-bin", "/contact", "/docs/recycling-guide.pdf")) {
            assertThat(site.requestsTo(page)).singleElement().satisfies(request -> {
                assertThat(request.header("If-None-Match")).isPresent();
                assertThat(request.status()).isEqualTo(304);
                assertThat(request.bodyBytes()).isZero();
            });
        }
        // A page served without an ETag is asked for with its Last-Modified.
        assertThat(site.requestsTo("/council-tax/pay")).singleElement().satisfies(request -> {
            assertThat(request.header("If-None-Match")).isEmpty();
            assertThat(request.header("If-Modified-Since")).hasValue(TestSite.LAST_MODIFIED);
            assertThat(request.status()).isEqualTo(304);
        });
        // Links were still followed, from the saved copies.
        assertThat(site.requestsTo("/contact")).hasSize(1);
    }

    @Test
    void a_changed_page_is_fetched_again_and_a_page_now_gone_is_deleted() throws IOException {
        // given a first crawl, then the discounts page is taken down and unlinked and the payment page edited
        EastbrookSite.withoutSitemap(site, elsewhere);
        crawl();
        String discounts = site.url("/council-tax/discounts").toString();
        assertThat(savedPages()).containsKey(discounts);
        site.remove("/council-tax/discounts");
        site.put("/", TestSite.html(EastbrookSite.home(elsewhere, false)));
        site.put("/council-tax/pay", TestSite.htmlWithoutEtag(EastbrookSite.page("Pay your council tax",
                "Pay council tax online, by phone on 01234 567000, or by direct debit."),
                "Tue, 03 Jun 2025 10:00:00 GMT"));
        site.clearLog();

        // when
        CrawlReport second = crawl();

        // then
        assertThat(reasons(second, Kind.CHANGED)).containsOnlyKeys("/", "/council-tax/pay");
        assertThat(folder.resolve("council-tax/pay.html")).content().contains("by phone on 01234 567000");
        // Still visited, though nothing links to it any more, because the last crawl saved it.
        assertThat(reasons(second, Kind.REMOVED)).containsOnly(
                Map.entry("/council-tax/discounts", "not found (404); the saved copy was deleted"));
        assertThat(savedPages()).doesNotContainKey(discounts).hasSize(8);
        assertThat(folder.resolve("council-tax/discounts.html")).doesNotExist();
        assertThat(folder.resolve("council-tax/discounts.html.url")).doesNotExist();
        JsonNode state = new ObjectMapper().readTree(folder.resolve(CrawlFolder.STATE_FILE).toFile());
        assertThat(state.path("pages").has(discounts)).isFalse();
        assertThat(state.path("pages").path(site.url("/council-tax/pay").toString()).path("file").asText())
                .isEqualTo("council-tax/pay.html");
    }

    @Test
    void keeps_the_saved_copy_of_a_page_the_server_fails_to_serve() throws IOException {
        // given
        EastbrookSite.withoutSitemap(site, elsewhere);
        crawl();
        byte[] before = Files.readAllBytes(folder.resolve("parking/permits.html"));
        site.put("/parking/permits", TestSite.status(503));

        // when
        CrawlReport second = crawl();

        // then
        assertThat(reasons(second, Kind.FAILED)).containsOnly(
                Map.entry("/parking/permits", "server error (503); the saved copy is kept"));
        assertThat(folder.resolve("parking/permits.html")).hasBinaryContent(before);
        assertThat(savedPages()).containsKey(site.url("/parking/permits").toString());
    }

    @Test
    void never_has_more_requests_in_flight_than_its_concurrency() throws IOException {
        // given a site that holds each page request until three are in flight (or a moment has passed)
        EastbrookSite.withoutSitemap(site, elsewhere);
        site.holdUntilInFlight(3);

        // when
        CrawlReport report = crawl(settings().concurrency(3).build());

        // then three at once, and never a fourth
        assertThat(site.maxInFlight()).isEqualTo(3);
        assertThat(report.outcomes(Kind.NEW)).hasSize(9);
    }

    @Test
    void spaces_requests_by_the_crawl_delay_robots_txt_asks_for() throws IOException {
        // given a site asking for 50 ms between requests, and a clock that moves only when the crawler waits
        EastbrookSite.withoutSitemap(site, elsewhere);
        site.put("/robots.txt", TestSite.document("text/plain", (EastbrookSite.robots() + "Crawl-delay: 0.05\n")
                .getBytes(StandardCharsets.UTF_8), false));
        List<Duration> waits = new ArrayList<>();
        SiteCrawler crawler = onWaitingClock(waits);

        // when
        CrawlReport report = crawler.crawl(site.url("/"), folder, progress::add);

        // then every request after robots.txt waited its 50 ms turn
        assertThat(report.delay()).isEqualTo(Duration.ofMillis(50));
        assertThat(report.notes()).contains("robots.txt asks for a Crawl-delay of 50 ms: requests are at least"
                + " 50 ms apart");
        assertThat(waits).hasSize(site.requests().size() - 1).containsOnly(Duration.ofMillis(50));
    }

    @Test
    void waits_as_long_as_a_site_asks_after_a_429_slows_down_and_asks_again() throws IOException {
        // given a page refused once with "come back in 5 s", and a clock that moves only when the crawler waits
        EastbrookSite.withoutSitemap(site, elsewhere);
        site.put("/parking/permits", TestSite.refusing(1, 429, "5", TestSite.html(
                EastbrookSite.page("Parking permits", "A resident parking permit costs £60 a year."))));
        List<Duration> waits = new ArrayList<>();
        SiteCrawler crawler = onWaitingClock(waits);

        // when
        CrawlReport report = crawler.crawl(site.url("/"), folder, progress::add);

        // then the page was fetched on the second asking, after the 5 s, and later requests went slower
        assertThat(site.requests()).filteredOn(request -> request.path().equals("/parking/permits"))
                .extracting(TestSite.Request::status).containsExactly(429, 200);
        assertThat(report.outcomes(Kind.NEW)).extracting(CrawlOutcome::url)
                .contains(site.url("/parking/permits").toString());
        int refused = waits.indexOf(waits.stream().filter(wait -> wait.compareTo(Duration.ofSeconds(4)) > 0)
                .findFirst().orElseThrow());
        assertThat(waits.get(refused)).isBetween(Duration.ofSeconds(5), Duration.ofMillis(5100));
        assertThat(waits.subList(refused + 1, waits.size())).isNotEmpty().allMatch(wait -> wait.equals(Duration.ofMillis(20)));
        assertThat(report.notes()).anyMatch(note -> note.contains("asked for fewer requests"));
    }

    @Test
    void gives_up_on_a_page_refused_again_after_the_wait_and_keeps_its_saved_copy() throws IOException {
        // given a first crawl, then a page refused on every asking
        EastbrookSite.withoutSitemap(site, elsewhere);
        crawl();
        site.clearLog();
        site.put("/parking/permits", TestSite.refusing(100, 429, "1", TestSite.status(200)));
        SiteCrawler crawler = onWaitingClock(new ArrayList<>());

        // when
        CrawlReport report = crawler.crawl(site.url("/"), folder, progress::add);

        // then it was asked for twice, not more, and the saved copy stays
        assertThat(site.requests()).filteredOn(request -> request.path().equals("/parking/permits")).hasSize(2);
        assertThat(reasons(report, Kind.FAILED)).containsOnly(
                Map.entry("/parking/permits", "too many requests (429); the saved copy is kept"));
        assertThat(savedPages()).containsKey(site.url("/parking/permits").toString());
    }

    @Test
    void stops_at_the_page_limit_and_counts_what_it_left() throws IOException {
        // given
        EastbrookSite.withoutSitemap(site, elsewhere);

        // when
        CrawlReport report = crawl(settings().maxPages(4).build());

        // then
        assertThat(site.requests()).extracting(TestSite.Request::path).filteredOn(path -> !path.equals("/robots.txt")
                && !path.equals("/sitemap.xml")).hasSize(4);
        assertThat(report.notVisited()).isPositive();
        assertThat(report.notes()).contains("The page limit (4) was reached: " + report.notVisited()
                + " more addresses were found but not visited");
    }

    @Test
    void refuses_to_crawl_when_robots_txt_answers_a_server_error() {
        // given
        site.put("/robots.txt", TestSite.status(503));
        site.put("/", TestSite.html(EastbrookSite.page("Home", "Welcome.")));

        // when / then
        assertThatThrownBy(this::crawl).isInstanceOfSatisfying(CouncilbotException.class, e -> {
            assertThat(e.code()).isEqualTo("robots_unavailable");
            assertThat(e.getMessage()).contains("answered 503").contains("nothing was crawled");
        });
        assertThat(site.requests()).extracting(TestSite.Request::path).containsExactly("/robots.txt");
        assertThat(folder.resolve(CrawlFolder.STATE_FILE)).doesNotExist();
    }

    @Test
    void crawls_everything_when_there_is_no_robots_txt() throws IOException {
        // given
        site.put("/", TestSite.html(EastbrookSite.page("Home", "Welcome. <a href=\"/private/notes\">Notes</a>")));
        site.put("/private/notes", TestSite.html(EastbrookSite.page("Notes", "Public after all.")));

        // when
        CrawlReport report = crawl();

        // then
        assertThat(report.notes()).contains("No robots.txt (404 for " + site.url("/robots.txt")
                + "): every page may be crawled");
        assertThat(report.outcomes(Kind.NEW)).extracting(CrawlOutcome::url)
                .containsExactly(site.url("/").toString(), site.url("/private/notes").toString());
    }

    @Test
    void shows_progress_with_pages_done_of_those_found_rate_and_time_left() throws IOException {
        // given a clock that moves a second each time it is read
        EastbrookSite.withoutSitemap(site, elsewhere);
        AtomicLong nanos = new AtomicLong();
        SiteCrawler crawler = SiteCrawler.create(settings().build(),
                () -> nanos.getAndAdd(Duration.ofSeconds(1).toNanos()), wait -> { }, Clock.systemUTC());

        // when
        CrawlReport report = crawler.crawl(site.url("/"), folder, progress::add);

        // then
        assertThat(progress).isNotEmpty().allSatisfy(line -> assertThat(line).matches(
                "Crawling " + site.base() + ": \\d+/\\d+ pages \\(\\d+%\\), [0-9.]+ pages/s, ETA [0-9hms ]+"));
        assertThat(progress.get(progress.size() - 1)).matches(".*: (\\d+)/\\1 pages \\(100%\\), .*");
        assertThat(report.pagesPerSecond()).isPositive();
    }

    @Test
    void rejects_an_address_that_is_not_a_web_site() {
        assertThatThrownBy(() -> SiteCrawler.checkSite("council.gov.uk"))
                .isInstanceOfSatisfying(CouncilbotException.class, e -> assertThat(e.code()).isEqualTo("invalid_site"))
                .hasMessage("The site must be an absolute http(s) address such as https://www.council.gov.uk/, was"
                        + " 'council.gov.uk'");
        assertThat(SiteCrawler.folderName(SiteCrawler.checkSite("https://WWW.Council.gov.uk/residents")))
                .isEqualTo("www.council.gov.uk");
        assertThat(SiteCrawler.folderName(site.url("/"))).isEqualTo("127.0.0.1_" + site.url("/").getPort());
    }
}

package org.councilbot.index.crawl;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.councilbot.core.CouncilbotException;
import org.councilbot.index.BuildProgress;

/**
 * Mirrors a council's website into a crawl folder that {@code KnowledgeIndexer} reads like any
 * corpus: each page or PDF saved with its address beside it, for citations.
 *
 * <p>The crawl stays on the start address's site (scheme, host and port), obeys its robots.txt,
 * finds pages from its sitemaps or, when it has none, by following links, and keeps to the
 * settings' concurrency, delay, page limit and page size. A second crawl of the same folder sends
 * each saved page's validators, so unchanged pages cost a 304 and no download; pages now gone are
 * deleted from the folder, and pages that failed this time keep their saved copy.
 */
public final class SiteCrawler {
    private static final System.Logger LOG = System.getLogger(SiteCrawler.class.getName());

    private final CrawlSettings settings;
    private final LongSupplier ticker;
    private final HostPacer.Sleeper sleeper;
    private final Clock clock;

    private SiteCrawler(CrawlSettings settings, LongSupplier ticker, HostPacer.Sleeper sleeper, Clock clock) {
        this.settings = settings;
        this.ticker = ticker;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    public static SiteCrawler create(CrawlSettings settings) {
        return create(settings, System::nanoTime, Thread::sleep, Clock.systemUTC());
    }

    static SiteCrawler create(CrawlSettings settings, LongSupplier ticker, HostPacer.Sleeper sleeper, Clock clock) {
        return new SiteCrawler(Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(ticker, "ticker"),
                Objects.requireNonNull(sleeper, "sleeper"), Objects.requireNonNull(clock, "clock"));
    }

    /** Like {@link #crawl(URI, Path, Consumer)}, logging progress lines. */
    public CrawlReport crawl(URI site, Path folder) {
        return crawl(site, folder, line -> LOG.log(System.Logger.Level.INFO, line));
    }

    /**
     * Crawls the site of {@code start} into {@code folder}, handing progress lines (pages done of
     * those found, rate, time left) to {@code progress}.
     *
     * @throws CouncilbotException {@code invalid_site} for an address that is not absolute http(s),
     *                             {@code site_unreachable} when robots.txt cannot be fetched,
     *                             {@code robots_unavailable} when robots.txt answers a server error,
     *                             {@code crawl_busy} when another crawl is writing the folder,
     *                             {@code crawl_failed} when the folder cannot be written
     */
    public CrawlReport crawl(URI start, Path folder, Consumer<String> progress) {
        URI site = checkSite(Objects.requireNonNull(start, "start").toString());
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(progress, "progress");
        Duration connectTimeout = settings.requestTimeout().compareTo(Duration.ofSeconds(10)) < 0
                ? settings.requestTimeout() : Duration.ofSeconds(10);
        try (CrawlFolder crawlFolder = CrawlFolder.open(folder);
             HttpClient client = HttpClient.newBuilder()
                     .version(HttpClient.Version.HTTP_1_1)
                     .followRedirects(HttpClient.Redirect.NEVER)
                     .connectTimeout(connectTimeout)
                     .build()) {
            PageFetcher fetcher = new PageFetcher(client, settings.userAgent(), settings.requestTimeout());
            HostPacer pacer = new HostPacer(settings.delay(), ticker, sleeper);
            BuildProgress meter = BuildProgress.start("Crawling " + new SiteUrls(site).origin(), ticker, progress);
            return new CrawlRun(site, settings, fetcher, crawlFolder, pacer, ticker, clock, meter).run();
        }
    }

    /**
     * The address a council gives for its site, checked.
     *
     * @throws CouncilbotException {@code invalid_site} unless it is an absolute http(s) address with a host
     */
    public static URI checkSite(String address) {
        Objects.requireNonNull(address, "address");
        try {
            URI uri = new URI(address.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return SiteUrls.normalise(uri, uri.toString()).orElseThrow(() -> invalidSite(address));
            }
        } catch (URISyntaxException e) {
            throw invalidSite(address);
        }
        throw invalidSite(address);
    }

    /**
     * The name of the site's crawl folder: its host, and its port when that is not the default,
     * e.g. {@code www.council.gov.uk} or {@code localhost_8080}.
     */
    public static String folderName(URI site) {
        URI checked = checkSite(site.toString());
        String name = checked.getHost() + (checked.getPort() == -1 ? "" : "_" + checked.getPort());
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static CouncilbotException invalidSite(String address) {
        return new CouncilbotException("invalid_site", "The site must be an absolute http(s) address such as"
                + " https://www.council.gov.uk/, was '" + address + "'");
    }
}

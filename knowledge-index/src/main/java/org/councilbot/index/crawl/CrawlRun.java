package org.councilbot.index.crawl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.councilbot.core.CouncilbotException;
import org.councilbot.index.BuildProgress;
import org.councilbot.index.crawl.CrawlFolder.PageType;
import org.councilbot.index.crawl.CrawlFolder.StoredPage;
import org.councilbot.index.crawl.CrawlOutcome.Kind;
import org.councilbot.index.crawl.PageFetcher.Content;
import org.councilbot.index.crawl.PageFetcher.Discarded;
import org.councilbot.index.crawl.PageFetcher.Response;
import org.councilbot.index.crawl.PageFetcher.TooLarge;
import org.councilbot.index.crawl.PageFetcher.Unwanted;
import org.councilbot.index.crawl.PageFetcher.Validators;
import org.councilbot.index.http.RetryAfter;

/**
 * One crawl of one site into one folder: robots.txt, then the sitemaps (or links), then the pages,
 * a few at a time, each request spaced from the last.
 *
 * <p>Pages are visited breadth-first from a shared queue by {@code concurrency} workers, so no
 * more requests are ever in flight than there are workers. The addresses saved by earlier crawls
 * are visited too, after the ones found now, so a page that was dropped from the sitemap and its
 * links is still checked and removed once the site answers 404 for it.
 */
final class CrawlRun {
    private static final System.Logger LOG = System.getLogger(SiteCrawler.class.getName());
    static final int MAX_REDIRECTS = 5;
    /** The pause after a refusal that does not say how long to wait. */
    static final Duration DEFAULT_PAUSE = Duration.ofSeconds(30);
    /** The longest a crawl waits on one refusal; a page the site wants left longer keeps its saved copy. */
    static final Duration MAX_PAUSE = Duration.ofMinutes(2);
    static final int MAX_SITEMAPS = 100;
    /** A sitemap index of sitemap indexes of sitemaps; deeper nesting is not in the protocol. */
    static final int MAX_SITEMAP_DEPTH = 2;

    private final URI start;
    private final SiteUrls site;
    private final CrawlSettings settings;
    private final PageFetcher fetcher;
    private final CrawlFolder folder;
    private final HostPacer pacer;
    private final LongSupplier ticker;
    private final Clock clock;
    private final BuildProgress progress;
    private final SitemapReader sitemaps = new SitemapReader();

    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Queue<CrawlOutcome> outcomes = new ConcurrentLinkedQueue<>();
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    private final AtomicReference<RuntimeException> fatal = new AtomicReference<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean slowedDown = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private RobotsRules robots = RobotsRules.allowAll();
    private boolean followLinks;
    private ExecutorService workers;
    private int scheduled;
    private int visited;
    private int notVisited;

    CrawlRun(URI start, CrawlSettings settings, PageFetcher fetcher, CrawlFolder folder, HostPacer pacer,
             LongSupplier ticker, Clock clock, BuildProgress progress) {
        this.start = start;
        this.site = new SiteUrls(start);
        this.settings = settings;
        this.fetcher = fetcher;
        this.folder = folder;
        this.pacer = pacer;
        this.ticker = ticker;
        this.clock = clock;
        this.progress = progress;
    }

    CrawlReport run() {
        long started = ticker.getAsLong();
        notes.addAll(folder.notes());
        Duration delay;
        CrawlReport.Discovery discovery;
        try {
            robots = readRobots();
            delay = politeDelay();
            List<URI> listed = readSitemaps();
            followLinks = listed.isEmpty();
            discovery = followLinks ? CrawlReport.Discovery.LINKS : CrawlReport.Discovery.SITEMAP;
            crawl(listed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CouncilbotException("crawl_interrupted", "The crawl of " + start + " was interrupted;"
                    + " the pages saved so far are kept", e);
        } catch (UncheckedIOException e) {
            fatal.compareAndSet(null, e);
            throw failure();
        } finally {
            // The state is written only once pages may have been touched: a refused crawl leaves the folder as it was.
            if (workers != null) {
                stopWorkers();
                saveState();
            }
        }
        if (fatal.get() != null) {
            throw failure();
        }
        if (notVisited > 0) {
            notes.add("The page limit (" + settings.maxPages() + ") was reached: " + notVisited
                    + " more addresses were found but not visited");
        }
        List<CrawlOutcome> sorted = new ArrayList<>(outcomes);
        sorted.sort(Comparator.comparing(CrawlOutcome::url).thenComparing(CrawlOutcome::kind));
        return new CrawlReport(start, folder.root(), discovery, delay, sorted, notVisited, notes,
                Duration.ofNanos(ticker.getAsLong() - started));
    }

    private CouncilbotException failure() {
        RuntimeException problem = fatal.get();
        return new CouncilbotException("crawl_failed", "The crawl of " + start + " stopped: " + problem.getMessage()
                + "; the pages saved so far are kept", problem);
    }

    /** No worker may write the folder once its state is saved and its lock released. */
    private void stopWorkers() {
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(settings.requestTimeout().toMillis() * 2, TimeUnit.MILLISECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "Crawl workers did not stop in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void saveState() {
        try {
            folder.save();
        } catch (UncheckedIOException e) {
            fatal.compareAndSet(null, e);
        }
    }

    /** RFC 9309: a 4xx means no rules; a 5xx (or 429) means the site may not want crawlers now, so none is sent. */
    private RobotsRules readRobots() throws InterruptedException {
        URI url = site.at("/robots.txt");
        for (int hops = 0; ; hops++) {
            Response response;
            try {
                pacer.awaitTurn();
                response = fetcher.get(url, Validators.NONE, RobotsRules.MAX_BYTES, any -> true);
            } catch (IOException e) {
                throw new CouncilbotException("site_unreachable", "Cannot fetch " + url + " (" + describe(e)
                        + "); nothing was crawled and the crawl folder is unchanged", e);
            }
            int status = response.status();
            URI from = url;
            Optional<URI> target = response.header("Location").flatMap(location -> SiteUrls.normalise(from, location));
            if (isRedirect(status) && target.isPresent() && hops < MAX_REDIRECTS) {
                // The RFC has crawlers follow robots.txt redirects even to another host.
                url = target.get();
                continue;
            }
            if (status == 200) {
                byte[] bytes = switch (response.body()) {
                    case Content content -> content.bytes();
                    case TooLarge tooLarge -> tooLarge.start();
                    default -> new byte[0];
                };
                return RobotsRules.parse(new String(bytes, StandardCharsets.UTF_8), CrawlSettings.ROBOTS_AGENT);
            }
            if (status == 429 || status >= 500) {
                throw new CouncilbotException("robots_unavailable", "The site's robots.txt (" + url + ") answered "
                        + status + ", so the site may not want crawlers now: nothing was crawled and the crawl"
                        + " folder is unchanged; try again later");
            }
            notes.add("No robots.txt (" + status + " for " + url + "): every page may be crawled");
            return RobotsRules.allowAll();
        }
    }

    private Duration politeDelay() {
        Duration delay = settings.delay();
        Optional<Duration> asked = robots.crawlDelay();
        if (asked.isPresent()) {
            delay = CrawlSettings.effectiveDelay(settings.delay(), asked.get());
            String capped = asked.get().compareTo(CrawlSettings.MAX_CRAWL_DELAY) > 0
                    ? " (capped at " + CrawlSettings.MAX_CRAWL_DELAY.toSeconds() + " s)" : "";
            notes.add("robots.txt asks for a Crawl-delay of " + asked.get().toMillis() + " ms" + capped
                    + ": requests are at least " + delay.toMillis() + " ms apart");
            pacer.widen(delay);
        }
        return delay;
    }

    /** Copies saved from another site in this folder (say, http:// before the council moved to https://) go. */
    private void forgetOtherSites() {
        for (String url : folder.urls()) {
            if (!site.onSite(URI.create(url))) {
                folder.remove(url);
                record(url, Kind.REMOVED, "not on the crawled site " + site.origin());
            }
        }
    }

    /**
     * The page addresses of the site's sitemaps: those robots.txt lists, else {@code /sitemap.xml};
     * nested sitemap indexes are read too. Empty when there is no usable sitemap.
     */
    private List<URI> readSitemaps() throws InterruptedException {
        Deque<Sitemap> queue = new ArrayDeque<>();
        for (String listed : robots.sitemaps()) {
            Optional<URI> url = SiteUrls.normalise(site.origin(), listed);
            if (url.isPresent() && site.onSite(url.get())) {
                queue.add(new Sitemap(url.get(), 0, true));
            } else {
                notes.add("Sitemap " + listed + " is not on " + site.origin() + " and was not read");
            }
        }
        boolean guessed = queue.isEmpty();
        if (guessed) {
            queue.add(new Sitemap(site.at("/sitemap.xml"), 0, false));
        }
        Set<String> read = new HashSet<>();
        Set<URI> pages = new LinkedHashSet<>();
        int elsewhere = 0;
        int fetched = 0;
        while (!queue.isEmpty() && fetched < MAX_SITEMAPS && pages.size() < settings.maxPages()) {
            Sitemap sitemap = queue.poll();
            String key = sitemap.url().toString();
            if (!read.add(key)) {
                continue;
            }
            if (!robots.allows(SiteUrls.pathAndQuery(sitemap.url()))) {
                record(key, Kind.SKIPPED, "sitemap excluded by robots.txt");
                continue;
            }
            fetched++;
            Optional<SitemapReader.Sitemap> content = fetchSitemap(sitemap);
            if (content.isEmpty()) {
                continue;
            }
            for (String loc : content.get().pages()) {
                Optional<URI> url = SiteUrls.normalise(sitemap.url(), loc);
                if (url.isPresent() && site.onSite(url.get())) {
                    pages.add(url.get());
                } else {
                    elsewhere++;
                }
            }
            for (String loc : content.get().sitemaps()) {
                Optional<URI> url = SiteUrls.normalise(sitemap.url(), loc);
                if (url.isPresent() && site.onSite(url.get()) && sitemap.depth() < MAX_SITEMAP_DEPTH) {
                    queue.add(new Sitemap(url.get(), sitemap.depth() + 1, true));
                }
            }
        }
        if (!queue.isEmpty() && fetched >= MAX_SITEMAPS) {
            notes.add("Only the first " + MAX_SITEMAPS + " sitemaps were read");
        }
        if (elsewhere > 0) {
            notes.add(elsewhere + " sitemap addresses on other sites were left out");
        }
        if (pages.isEmpty()) {
            notes.add((guessed ? "No sitemap" : "No page address in the sitemaps")
                    + ": following links from " + start);
        } else {
            notes.add("Sitemaps: " + read.size() + " read, " + pages.size() + " page addresses");
        }
        return List.copyOf(pages);
    }

    /** A sitemap to read, how deep in sitemap indexes it was found, and whether the site named it. */
    private record Sitemap(URI url, int depth, boolean named) {
    }

    private Optional<SitemapReader.Sitemap> fetchSitemap(Sitemap sitemap) throws InterruptedException {
        URI url = sitemap.url();
        String key = url.toString();
        try {
            for (int hops = 0; ; hops++) {
                pacer.awaitTurn();
                Response response = fetcher.get(url, Validators.NONE, SitemapReader.MAX_BYTES, any -> true);
                URI from = url;
                Optional<URI> target = response.header("Location")
                        .flatMap(location -> SiteUrls.normalise(from, location))
                        .filter(site::onSite);
                if (isRedirect(response.status()) && target.isPresent() && hops < MAX_REDIRECTS) {
                    url = target.get();
                    continue;
                }
                if (response.status() != 200) {
                    if (sitemap.named() || response.status() != 404) {
                        record(key, Kind.SKIPPED, "sitemap " + describeStatus(response.status()));
                    }
                    return Optional.empty();
                }
                if (response.body() instanceof Content content) {
                    return Optional.of(sitemaps.read(content.bytes()));
                }
                record(key, Kind.SKIPPED, "sitemap larger than " + megabytes(SitemapReader.MAX_BYTES));
                return Optional.empty();
            }
        } catch (HttpTimeoutException e) {
            record(key, Kind.FAILED, "sitemap timed out: " + e.getMessage());
        } catch (IOException e) {
            record(key, Kind.FAILED, "sitemap unreadable: " + describe(e));
        }
        return Optional.empty();
    }

    private void crawl(List<URI> listed) throws InterruptedException {
        workers = Executors.newFixedThreadPool(settings.concurrency(), worker -> {
            Thread thread = new Thread(worker, "councilbot-crawl");
            thread.setDaemon(true);
            return thread;
        });
        forgetOtherSites();
        // The seeding counts as one task, so the crawl cannot look finished before every seed is queued.
        pending.incrementAndGet();
        schedule(start);
        listed.forEach(this::schedule);
        folder.urls().stream().sorted().map(URI::create).forEach(this::schedule);
        taskDone();
        finished.await();
    }

    /** Queues {@code url} (normalised, on the site) unless it was seen, is not content, is excluded or is over the limit. */
    private void schedule(URI url) {
        if (fatal.get() != null || !seen.add(url.toString())) {
            return;
        }
        Optional<String> notContent = SiteUrls.notContent(url);
        if (notContent.isPresent()) {
            drop(url.toString(), notContent.get());
            return;
        }
        if (!robots.allows(SiteUrls.pathAndQuery(url))) {
            drop(url.toString(), "excluded by robots.txt");
            return;
        }
        synchronized (this) {
            if (scheduled >= settings.maxPages()) {
                notVisited++;
                return;
            }
            scheduled++;
        }
        pending.incrementAndGet();
        workers.execute(() -> {
            try {
                if (fatal.get() == null) {
                    visit(url);
                }
            } catch (RuntimeException e) {
                // Only the folder failing (a full disk) gets here; every other problem is one page's outcome.
                fatal.compareAndSet(null, e);
            } finally {
                synchronized (this) {
                    visited++;
                    progress.update(visited, scheduled);
                }
                taskDone();
            }
        });
    }

    private void taskDone() {
        if (pending.decrementAndGet() == 0) {
            finished.countDown();
        }
    }

    private void visit(URI url) {
        String requested = url.toString();
        try {
            URI current = url;
            List<URI> chain = new ArrayList<>(List.of(url));
            Response response;
            boolean retried = false;
            while (true) {
                Optional<StoredPage> stored = folder.stored(current.toString()).filter(folder::hasCopy);
                pacer.awaitTurn();
                response = fetcher.get(current, validators(stored), settings.maxPageBytes(), CrawlRun::isPageType);
                if (asksToSlowDown(response)) {
                    Optional<Duration> asked = RetryAfter.of(response.headers(), clock.instant());
                    slowDown(asked);
                    if (!retried && asked.orElse(Duration.ZERO).compareTo(MAX_PAUSE) <= 0) {
                        retried = true;
                        continue;
                    }
                }
                if (!isRedirect(response.status())) {
                    break;
                }
                Optional<String> location = response.header("Location");
                if (location.isEmpty()) {
                    failed(requested, "answered " + response.status() + " without a Location to redirect to");
                    return;
                }
                Optional<URI> target = SiteUrls.normalise(current, location.get());
                String where = target.map(URI::toString).orElse(location.get());
                Optional<String> refusal = refuseRedirect(chain, target, where);
                if (refusal.isPresent()) {
                    drop(requested, refusal.get());
                    return;
                }
                current = target.orElseThrow();
                chain.add(current);
            }
            String via = "";
            if (!current.equals(url)) {
                via = " (redirected from " + requested + ")";
                if (folder.remove(requested)) {
                    record(requested, Kind.REMOVED, "now redirects to " + current);
                }
            }
            handle(current, response, via);
        } catch (HttpTimeoutException e) {
            failed(requested, "timed out: " + e.getMessage());
        } catch (IOException e) {
            failed(requested, "could not be fetched: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A 429, or a 503 that says when to come back: the site wants fewer requests. Every worker waits
     * out the pause the site asks for (or {@link #DEFAULT_PAUSE}, at most {@link #MAX_PAUSE}), the
     * rest of the crawl goes at half the pace (down to one request per {@link CrawlSettings#MAX_CRAWL_DELAY}),
     * and the refused page is asked for once more.
     */
    private void slowDown(Optional<Duration> asked) {
        Duration pause = asked.orElse(DEFAULT_PAUSE);
        pacer.holdOff(pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause);
        Duration slower = pacer.interval().multipliedBy(2);
        pacer.widen(slower.compareTo(CrawlSettings.MAX_CRAWL_DELAY) > 0 ? CrawlSettings.MAX_CRAWL_DELAY
                : slower.isZero() ? Duration.ofSeconds(1) : slower);
        if (!slowedDown.getAndSet(true)) {
            notes.add("The site asked for fewer requests (429 or 503 with Retry-After): the crawl paused as asked "
                    + "and went on at a slower pace");
        }
    }

    private static boolean asksToSlowDown(Response response) {
        return response.status() == 429 || response.status() == 503 && response.header("Retry-After").isPresent();
    }

    /** Why a redirect to {@code target} is not followed, if it is not; a followed target is claimed as seen. */
    private Optional<String> refuseRedirect(List<URI> chain, Optional<URI> target, String where) {
        if (chain.size() > MAX_REDIRECTS) {
            return Optional.of("more than " + MAX_REDIRECTS + " redirects");
        }
        if (target.isEmpty() || !site.onSite(target.get())) {
            return Optional.of("redirects off the site to " + where);
        }
        URI next = target.get();
        if (chain.contains(next)) {
            return Optional.of("redirect loop through " + where);
        }
        Optional<String> notContent = SiteUrls.notContent(next);
        if (notContent.isPresent()) {
            return Optional.of("redirects to " + where + ", " + notContent.get());
        }
        if (!robots.allows(SiteUrls.pathAndQuery(next))) {
            return Optional.of("redirects to " + where + ", which robots.txt excludes");
        }
        if (!seen.add(next.toString())) {
            return Optional.of("redirects to " + where + ", which is crawled at that address");
        }
        return Optional.empty();
    }

    private void handle(URI url, Response response, String via) throws IOException {
        String key = url.toString();
        switch (response.status()) {
            case 200 -> {
                switch (response.body()) {
                    case Content content -> save(url, response, content.bytes(), via);
                    case Unwanted unwanted -> drop(key, "not a web page or PDF (" + unwanted.contentType() + ")" + via);
                    case TooLarge tooLarge -> drop(key, "larger than the " + megabytes(tooLarge.limit()) + " page limit"
                            + (tooLarge.declared().isPresent() ? " (" + tooLarge.declared().getAsLong()
                            + " bytes declared)" : "") + "; not downloaded" + via);
                    case Discarded discarded -> failed(key, "answered 200 with no usable body" + via);
                }
            }
            case 304 -> {
                Optional<StoredPage> stored = folder.stored(key).filter(folder::hasCopy);
                if (stored.isEmpty()) {
                    failed(key, "answered 304 Not Modified, but there is no saved copy" + via);
                    return;
                }
                record(key, Kind.NOT_MODIFIED, "not modified (304); saved copy kept" + via);
                if (followLinks && stored.get().type() == PageType.HTML) {
                    CrawledHtml.Page page = CrawledHtml.read(folder.read(stored.get()), Optional.empty(), url,
                            List.of(), CrawlSettings.ROBOTS_AGENT);
                    follow(url, page);
                }
            }
            case 404 -> drop(key, "not found (404)" + via);
            case 410 -> drop(key, "gone (410)" + via);
            default -> failed(key, describeStatus(response.status()) + via);
        }
    }

    private void save(URI url, Response response, byte[] bytes, String via) {
        String key = url.toString();
        PageType type = response.mediaType().contains("pdf") ? PageType.PDF : PageType.HTML;
        if (type == PageType.HTML) {
            CrawledHtml.Page page = CrawledHtml.read(bytes, response.charset(), url,
                    response.headers().allValues("X-Robots-Tag"), CrawlSettings.ROBOTS_AGENT);
            follow(url, page);
            if (page.noindex()) {
                drop(key, "asks not to be indexed (robots noindex)" + via);
                return;
            }
        }
        String hash = CrawlFolder.sha256(bytes);
        String etag = response.header("ETag").orElse("");
        String lastModified = response.header("Last-Modified").orElse("");
        Optional<StoredPage> stored = folder.stored(key);
        if (stored.isPresent() && stored.get().sha256().equals(hash) && stored.get().type() == type
                && folder.hasCopy(stored.get())) {
            folder.touch(key, stored.get().withValidators(etag, lastModified));
            record(key, Kind.SAME_CONTENT, "downloaded, content unchanged" + via);
            return;
        }
        byte[] content = type == PageType.HTML ? CrawledHtml.forIndex(bytes, response.charset()) : bytes;
        folder.put(key, content, new StoredPage("", type, etag, lastModified, hash, Instant.now(clock).toString()));
        String what = type == PageType.PDF ? "PDF" : "page";
        record(key, stored.isPresent() ? Kind.CHANGED : Kind.NEW,
                (stored.isPresent() ? what + " changed" : "new " + what) + ", " + bytes.length + " bytes" + via);
    }

    private void follow(URI page, CrawledHtml.Page html) {
        if (!followLinks || html.nofollow()) {
            return;
        }
        for (String link : html.links()) {
            SiteUrls.normalise(page, link).filter(site::onSite).ifPresent(this::schedule);
        }
    }

    /** An address that is not (or no longer) a page: its saved copy, if any, is deleted. */
    private void drop(String url, String reason) {
        if (folder.remove(url)) {
            record(url, Kind.REMOVED, reason + "; the saved copy was deleted");
        } else {
            record(url, Kind.SKIPPED, reason);
        }
    }

    /** A page that could not be fetched this time: its saved copy, if any, stays. */
    private void failed(String url, String reason) {
        record(url, Kind.FAILED, reason + (folder.stored(url).isPresent() ? "; the saved copy is kept" : ""));
    }

    private void record(String url, Kind kind, String reason) {
        outcomes.add(new CrawlOutcome(url, kind, reason));
        if (kind == Kind.FAILED) {
            LOG.log(System.Logger.Level.WARNING, "Crawl: " + url + " " + reason);
        }
    }

    private static Validators validators(Optional<StoredPage> stored) {
        return stored.map(page -> new Validators(page.etag(), page.lastModified())).orElse(Validators.NONE);
    }

    private static boolean isPageType(String mediaType) {
        return mediaType.equals("text/html") || mediaType.equals("application/xhtml+xml")
                || mediaType.equals("application/pdf") || mediaType.equals("application/x-pdf");
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static String describeStatus(int status) {
        return switch (status) {
            case 401, 403 -> "refused (" + status + ")";
            case 404 -> "not found (404)";
            case 429 -> "too many requests (429)";
            default -> status >= 500 ? "server error (" + status + ")" : "answered " + status;
        };
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + message;
    }
}

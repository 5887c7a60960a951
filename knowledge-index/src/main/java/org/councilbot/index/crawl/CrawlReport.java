package org.councilbot.index.crawl;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one crawl of a site did.
 *
 * @param site       the address the crawl started from
 * @param folder     the crawl folder, which the indexer reads
 * @param discovery  how the crawl found the site's pages
 * @param delay      the least time between two requests' starts: the configured delay, or the
 *                   site's robots.txt Crawl-delay when that is longer (capped)
 * @param outcomes   one per address, in address order
 * @param notVisited addresses found but not visited because the page limit was reached
 * @param notes      what a person reading the summary should know (robots.txt, sitemaps, limits)
 * @param took       wall-clock time of the crawl
 */
public record CrawlReport(URI site, Path folder, Discovery discovery, Duration delay, List<CrawlOutcome> outcomes,
                          int notVisited, List<String> notes, Duration took) {
    public CrawlReport {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(discovery, "discovery");
        Objects.requireNonNull(delay, "delay");
        outcomes = List.copyOf(outcomes);
        notes = List.copyOf(notes);
        Objects.requireNonNull(took, "took");
    }

    /** How a crawl found pages. */
    public enum Discovery {
        /** From the site's sitemaps (listed in robots.txt, else {@code /sitemap.xml}). */
        SITEMAP,
        /** By following links from the start address, as the site has no usable sitemap. */
        LINKS
    }

    /** The outcomes of one kind. */
    public List<CrawlOutcome> outcomes(CrawlOutcome.Kind kind) {
        return outcomes.stream().filter(outcome -> outcome.kind() == kind).toList();
    }

    public int count(CrawlOutcome.Kind kind) {
        return outcomes(kind).size();
    }

    /** Pages whose content was downloaded: new, changed or the same as before. */
    public int fetched() {
        return count(CrawlOutcome.Kind.NEW) + count(CrawlOutcome.Kind.CHANGED) + count(CrawlOutcome.Kind.SAME_CONTENT);
    }

    /** Pages answered (downloaded or not modified) per second of the crawl. */
    public double pagesPerSecond() {
        long millis = took.toMillis();
        int answered = fetched() + count(CrawlOutcome.Kind.NOT_MODIFIED);
        return millis <= 0 ? 0 : answered * 1000.0 / millis;
    }
}

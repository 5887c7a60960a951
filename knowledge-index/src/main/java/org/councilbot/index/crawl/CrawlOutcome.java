package org.councilbot.index.crawl;

import java.util.Objects;

/**
 * What a crawl did with one address.
 *
 * @param url    the page's address: after redirects, the address it was found at
 * @param kind   what happened
 * @param reason why, in words a council's web team can act on
 */
public record CrawlOutcome(String url, Kind kind, String reason) {
    public CrawlOutcome {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }

    /** What happened to an address. */
    public enum Kind {
        /** Fetched and saved for the first time. */
        NEW,
        /** Fetched, and its content differed from the saved copy, which it replaced. */
        CHANGED,
        /** Fetched, and its content was the same as the saved copy's, which was left alone. */
        SAME_CONTENT,
        /** The server answered 304 Not Modified to the saved copy's validators: nothing downloaded. */
        NOT_MODIFIED,
        /** A saved copy was deleted: the page is gone (404, 410), moved off the site, or now excluded. */
        REMOVED,
        /** Not saved, for a reason that will not change by trying again (not found, not a page, too large...). */
        SKIPPED,
        /** Could not be fetched this time (server error, timeout); any saved copy was kept. */
        FAILED
    }
}

package org.councilbot.index.crawl;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.councilbot.core.CouncilbotException;

/**
 * How politely and how far a site is crawled. Built with {@link #builder()}; every setting is
 * checked when set, with a message naming it, so a bad option fails before any request is sent.
 */
public final class CrawlSettings {
    /** The product token robots.txt groups are matched against. */
    public static final String ROBOTS_AGENT = "councilbot";
    /**
     * Names councilbot and where a site's web team can read about it. The address is a placeholder
     * for the project's crawler page; a council running councilbot may put its own contact page here.
     */
    /** Names the crawler only; a council adds who runs it with {@code --user-agent}. */
    public static final String DEFAULT_USER_AGENT = "councilbot/0.1 (council website indexer)";
    /** A robots.txt Crawl-delay longer than this is taken as this, or a large site would take days. */
    public static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(10);

    private final int maxPages;
    private final int concurrency;
    private final Duration delay;
    private final long maxPageBytes;
    private final Duration requestTimeout;
    private final String userAgent;

    private CrawlSettings(Builder builder) {
        this.maxPages = builder.maxPages;
        this.concurrency = builder.concurrency;
        this.delay = builder.delay;
        this.maxPageBytes = builder.maxPageBytes;
        this.requestTimeout = builder.requestTimeout;
        this.userAgent = builder.userAgent;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static CrawlSettings defaults() {
        return builder().build();
    }

    /** Most pages fetched in one crawl; addresses found beyond it are counted, not visited. */
    public int maxPages() {
        return maxPages;
    }

    /** Most requests in flight to the site at once. */
    public int concurrency() {
        return concurrency;
    }

    /** Least time between the starts of two requests to the site. */
    public Duration delay() {
        return delay;
    }

    /** A page or PDF larger than this is skipped; no more than this of it is ever read. */
    public long maxPageBytes() {
        return maxPageBytes;
    }

    /** Longest one request may take, body included. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    public String userAgent() {
        return userAgent;
    }

    /** The delay actually kept: the configured one, or the site's Crawl-delay (up to {@link #MAX_CRAWL_DELAY}) if longer. */
    static Duration effectiveDelay(Duration configured, Duration crawlDelay) {
        Duration asked = crawlDelay.compareTo(MAX_CRAWL_DELAY) > 0 ? MAX_CRAWL_DELAY : crawlDelay;
        return asked.compareTo(configured) > 0 ? asked : configured;
    }

    /** Builds {@link CrawlSettings}; defaults suit a council's site: 2 requests at once, 500 ms apart. */
    public static final class Builder {
        private int maxPages = 5000;
        private int concurrency = 2;
        private Duration delay = Duration.ofMillis(500);
        private long maxPageBytes = 5L * 1024 * 1024;
        private Duration requestTimeout = Duration.ofSeconds(30);
        private String userAgent = DEFAULT_USER_AGENT;

        private Builder() {
        }

        public Builder maxPages(int maxPages) {
            this.maxPages = (int) check("max-pages", maxPages, 1, 1_000_000);
            return this;
        }

        public Builder concurrency(int concurrency) {
            this.concurrency = (int) check("concurrency", concurrency, 1, 16);
            return this;
        }

        public Builder delay(Duration delay) {
            Objects.requireNonNull(delay, "delay");
            check("delay-ms", delay.toMillis(), 0, 60_000);
            this.delay = delay;
            return this;
        }

        public Builder maxPageBytes(long maxPageBytes) {
            this.maxPageBytes = check("max-page-bytes", maxPageBytes, 1024, 100L * 1024 * 1024);
            return this;
        }

        public Builder requestTimeout(Duration requestTimeout) {
            Objects.requireNonNull(requestTimeout, "requestTimeout");
            check("request-timeout-ms", requestTimeout.toMillis(), 100, 600_000);
            this.requestTimeout = requestTimeout;
            return this;
        }

        public Builder userAgent(String userAgent) {
            Objects.requireNonNull(userAgent, "userAgent");
            if (userAgent.isBlank() || !userAgent.toLowerCase(Locale.ROOT).contains(ROBOTS_AGENT)
                    || userAgent.chars().anyMatch(c -> c < 0x20 || c > 0x7E)) {
                throw invalid("user-agent must be printable ASCII naming " + ROBOTS_AGENT + ", was '" + userAgent + "'");
            }
            this.userAgent = userAgent;
            return this;
        }

        public CrawlSettings build() {
            return new CrawlSettings(this);
        }

        private static long check(String name, long value, long min, long max) {
            if (value < min || value > max) {
                throw invalid(name + " must be between " + min + " and " + max + ", was " + value);
            }
            return value;
        }

        private static CouncilbotException invalid(String message) {
            return new CouncilbotException("invalid_crawl_setting", message);
        }
    }
}

package org.councilbot.index.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.councilbot.core.CouncilbotException;
import org.junit.jupiter.api.Test;

class CrawlSettingsTest {
    @Test
    void defaults_are_polite_to_a_council_site() {
        CrawlSettings settings = CrawlSettings.defaults();

        assertThat(settings.concurrency()).isEqualTo(2);
        assertThat(settings.delay()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.maxPages()).isEqualTo(5000);
        assertThat(settings.maxPageBytes()).isEqualTo(5L * 1024 * 1024);
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.userAgent()).startsWith("councilbot/").doesNotContain("example.org");
    }

    @Test
    void rejects_a_bad_setting_naming_it() {
        assertThatThrownBy(() -> CrawlSettings.builder().maxPages(0))
                .isInstanceOfSatisfying(CouncilbotException.class,
                        e -> assertThat(e.code()).isEqualTo("invalid_crawl_setting"))
                .hasMessage("max-pages must be between 1 and 1000000, was 0");
        assertThatThrownBy(() -> CrawlSettings.builder().concurrency(50))
                .hasMessage("concurrency must be between 1 and 16, was 50");
        assertThatThrownBy(() -> CrawlSettings.builder().delay(Duration.ofMillis(-1)))
                .hasMessage("delay-ms must be between 0 and 60000, was -1");
        assertThatThrownBy(() -> CrawlSettings.builder().maxPageBytes(10))
                .hasMessage("max-page-bytes must be between 1024 and 104857600, was 10");
        assertThatThrownBy(() -> CrawlSettings.builder().userAgent("Mozilla/5.0"))
                .hasMessage("user-agent must be printable ASCII naming councilbot, was 'Mozilla/5.0'");
    }

    @Test
    void keeps_the_longer_of_the_configured_delay_and_the_sites_crawl_delay_up_to_a_cap() {
        Duration configured = Duration.ofMillis(500);

        assertThat(CrawlSettings.effectiveDelay(configured, Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(2));
        assertThat(CrawlSettings.effectiveDelay(configured, Duration.ofMillis(100))).isEqualTo(configured);
        assertThat(CrawlSettings.effectiveDelay(configured, Duration.ofHours(1))).isEqualTo(CrawlSettings.MAX_CRAWL_DELAY);
    }
}

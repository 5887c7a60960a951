package org.councilbot.index.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RobotsRulesTest {
    private static RobotsRules rules(String text) {
        return RobotsRules.parse(text, "councilbot");
    }

    @Test
    void applies_the_group_naming_councilbot_instead_of_the_wildcard_group() {
        RobotsRules robots = rules("""
                User-agent: *
                Disallow: /

                User-agent: CouncilBot/2.1
                Disallow: /private/
                """);

        assertThat(robots.allows("/bins/collection-days")).isTrue();
        assertThat(robots.allows("/private/rota")).isFalse();
    }

    @Test
    void falls_back_to_the_wildcard_group_and_merges_groups_for_the_same_agent() {
        RobotsRules wildcard = rules("""
                User-agent: googlebot
                Disallow: /news/

                User-agent: *
                Disallow: /search
                """);
        RobotsRules merged = rules("""
                User-agent: councilbot
                Disallow: /a/

                User-agent: otherbot
                Disallow: /b/

                user-agent: COUNCILBOT
                disallow: /c/
                """);

        assertThat(wildcard.allows("/news/today")).isTrue();
        assertThat(wildcard.allows("/search?q=bins")).isFalse();
        assertThat(merged.allows("/a/1")).isFalse();
        assertThat(merged.allows("/b/1")).isTrue();
        assertThat(merged.allows("/c/1")).isFalse();
    }

    @Test
    void the_longest_matching_rule_wins_and_allow_wins_a_tie() {
        RobotsRules robots = rules("""
                User-agent: *
                Disallow: /council-tax/
                Allow: /council-tax/pay
                Disallow: /council-tax/pay/admin
                Allow: /tie
                Disallow: /tie
                """);

        assertThat(robots.allows("/council-tax/bands")).isFalse();
        assertThat(robots.allows("/council-tax/pay")).isTrue();
        assertThat(robots.allows("/council-tax/pay/admin/users")).isFalse();
        assertThat(robots.allows("/tie/page")).isTrue();
    }

    @Test
    void matches_wildcards_and_end_anchors() {
        RobotsRules robots = rules("""
                User-agent: *
                Disallow: /*.php$
                Disallow: /*?sort=
                Disallow: /archive/*/print
                """);

        assertThat(robots.allows("/index.php")).isFalse();
        assertThat(robots.allows("/index.php?page=2")).isTrue();
        assertThat(robots.allows("/planning?sort=date")).isFalse();
        assertThat(robots.allows("/archive/2024/05/print")).isFalse();
        assertThat(robots.allows("/archive/2024/05")).isTrue();
        // A '$' inside a pattern is a literal character, and regex characters mean nothing special.
        assertThat(rules("User-agent: *\nDisallow: /a$b\nDisallow: /x.y(z)\n").allows("/a$b/c")).isFalse();
        assertThat(rules("User-agent: *\nDisallow: /x.y(z)\n").allows("/xzy(z)")).isTrue();
    }

    @Test
    void reads_an_empty_disallow_as_allowing_everything_and_ignores_rules_outside_a_group() {
        assertThat(rules("Disallow: /\nUser-agent: *\nDisallow:\n").allows("/anything")).isTrue();
        assertThat(rules("").allows("/anything")).isTrue();
        assertThat(rules("<html><body>Not found</body></html>").allows("/anything")).isTrue();
    }

    @Test
    void always_allows_robots_txt_itself_and_compares_percent_escapes_regardless_of_case() {
        RobotsRules robots = rules("User-agent: *\nDisallow: /\nAllow: /caf%c3%a9\n");

        assertThat(robots.allows("/robots.txt")).isTrue();
        assertThat(robots.allows("/caf%C3%A9/menu")).isTrue();
        assertThat(robots.allows("/other")).isFalse();
    }

    @Test
    void reads_the_crawl_delay_of_the_applying_group_and_every_sitemap_line() {
        RobotsRules robots = rules("""
                Sitemap: https://www.eastbrook.gov.uk/sitemap.xml
                User-agent: *
                Crawl-delay: 30

                User-agent: councilbot
                Crawl-delay: 1.5   # seconds
                Disallow: /tmp/
                SITEMAP: https://www.eastbrook.gov.uk/news-sitemap.xml
                """);

        assertThat(robots.crawlDelay()).hasValue(Duration.ofMillis(1500));
        assertThat(robots.sitemaps()).containsExactly("https://www.eastbrook.gov.uk/sitemap.xml",
                "https://www.eastbrook.gov.uk/news-sitemap.xml");
        assertThat(rules("User-agent: *\nCrawl-delay: soon\n").crawlDelay()).isEmpty();
        assertThat(RobotsRules.allowAll().crawlDelay()).isEmpty();
    }
}

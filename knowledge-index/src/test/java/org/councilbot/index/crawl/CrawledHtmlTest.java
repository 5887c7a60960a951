package org.councilbot.index.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CrawledHtmlTest {
    private static final URI BASE = URI.create("https://x.gov.uk/bins/days");

    private static CrawledHtml.Page read(String html, List<String> robotsHeaders) {
        return CrawledHtml.read(html.getBytes(StandardCharsets.UTF_8), Optional.empty(), BASE, robotsHeaders,
                "councilbot");
    }

    @Test
    void finds_links_resolved_against_the_page_or_its_base() {
        CrawledHtml.Page page = read("""
                <a href="missed">Missed</a> <a href="/tax">Tax</a> <a>No href</a>
                <map><area href="ward-1" alt="Ward 1"></map>
                """, List.of());
        CrawledHtml.Page based = read("<head><base href=\"https://x.gov.uk/docs/\"></head><a href=\"guide.pdf\">G</a>",
                List.of());

        assertThat(page.links()).containsExactly("https://x.gov.uk/bins/missed", "https://x.gov.uk/tax",
                "https://x.gov.uk/bins/ward-1");
        assertThat(based.links()).containsExactly("https://x.gov.uk/docs/guide.pdf");
        assertThat(page.noindex()).isFalse();
        assertThat(page.nofollow()).isFalse();
    }

    @Test
    void honours_meta_robots_and_x_robots_tag_for_us_but_not_for_other_crawlers() {
        assertThat(read("<meta name=\"ROBOTS\" content=\"noindex, follow\">", List.of()).noindex()).isTrue();
        assertThat(read("<meta name=\"councilbot\" content=\"nofollow\">", List.of()).nofollow()).isTrue();
        assertThat(read("<meta name=\"googlebot\" content=\"noindex\">", List.of()).noindex()).isFalse();
        assertThat(read("", List.of("none"))).satisfies(page -> {
            assertThat(page.noindex()).isTrue();
            assertThat(page.nofollow()).isTrue();
        });
        assertThat(read("", List.of("googlebot: noindex")).noindex()).isFalse();
        assertThat(read("", List.of("CouncilBot: noindex")).noindex()).isTrue();
        assertThat(read("", List.of("unavailable_after: 25 Jun 2030 15:00:00 PST")).noindex()).isFalse();
    }

    @Test
    void declares_a_charset_only_the_header_named_so_the_indexer_reads_the_page_right() {
        byte[] latin1 = "<html><p>Caf\u00e9</p></html>".getBytes(StandardCharsets.ISO_8859_1);

        byte[] stored = CrawledHtml.forIndex(latin1, Optional.of("ISO-8859-1"));

        assertThat(new String(stored, StandardCharsets.ISO_8859_1))
                .isEqualTo("<meta charset=\"ISO-8859-1\">\n<html><p>Caf\u00e9</p></html>");
        assertThat(CrawledHtml.forIndex(latin1, Optional.of("utf-8"))).isSameAs(latin1);
        assertThat(CrawledHtml.forIndex(latin1, Optional.empty())).isSameAs(latin1);
        assertThat(CrawledHtml.forIndex(latin1, Optional.of("no-such-charset"))).isSameAs(latin1);
        byte[] declared = "<meta charset=\"windows-1252\"><p>x</p>".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(CrawledHtml.forIndex(declared, Optional.of("ISO-8859-1"))).isSameAs(declared);
    }
}

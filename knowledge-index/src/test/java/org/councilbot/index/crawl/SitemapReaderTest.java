package org.councilbot.index.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SitemapReaderTest {
    private final SitemapReader reader = new SitemapReader();

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void reads_the_page_addresses_of_a_urlset() throws IOException {
        SitemapReader.Sitemap sitemap = reader.read(utf8("""
                \uFEFF<?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
                  <url><loc> https://x.gov.uk/bins </loc><lastmod>2025-01-01</lastmod>
                    <image:image><image:loc>https://x.gov.uk/bin.png</image:loc></image:image></url>
                  <url><loc>https://x.gov.uk/tax?a=1&amp;b=2</loc></url>
                </urlset>
                """));

        assertThat(sitemap.pages()).containsExactly("https://x.gov.uk/bins", "https://x.gov.uk/tax?a=1&b=2");
        assertThat(sitemap.sitemaps()).isEmpty();
    }

    @Test
    void reads_the_sitemaps_of_an_index_gzipped_or_not() throws IOException {
        String index = """
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>https://x.gov.uk/pages.xml</loc></sitemap>
                  <sitemap><loc>https://x.gov.uk/docs.xml.gz</loc></sitemap>
                </sitemapindex>
                """;
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
            out.write(utf8(index));
        }

        assertThat(reader.read(utf8(index)).sitemaps()).containsExactly("https://x.gov.uk/pages.xml",
                "https://x.gov.uk/docs.xml.gz");
        assertThat(reader.read(gzipped.toByteArray())).isEqualTo(reader.read(utf8(index)));
    }

    @Test
    void reads_a_plain_text_list_of_addresses() throws IOException {
        assertThat(reader.read(utf8("https://x.gov.uk/a\r\n\nhttps://x.gov.uk/b\n")).pages())
                .containsExactly("https://x.gov.uk/a", "https://x.gov.uk/b");
    }

    @Test
    void rejects_what_is_not_a_sitemap() {
        assertThatThrownBy(() -> reader.read(utf8("<html><body>Page not found</body></html>")))
                .isInstanceOf(IOException.class).hasMessage("not a sitemap: its root element is <html>");
        assertThatThrownBy(() -> reader.read(utf8("<urlset><url><loc>x</url>")))
                .isInstanceOf(IOException.class).hasMessageStartingWith("not well-formed XML");
        assertThatThrownBy(() -> reader.read(utf8("Page not found")))
                .isInstanceOf(IOException.class).hasMessage("neither XML nor a list of addresses (line 'Page not found')");
    }

    @Test
    void never_reads_files_an_external_entity_points_at(@TempDir Path dir) throws IOException {
        // A sitemap from the web must not make the crawler read local files (XXE).
        Path secret = Files.writeString(dir.resolve("secret.txt"), "https://x.gov.uk/secret");
        byte[] hostile = utf8("""
                <?xml version="1.0"?>
                <!DOCTYPE urlset [<!ENTITY secret SYSTEM "%s">]>
                <urlset><url><loc>&secret;</loc></url></urlset>
                """.formatted(secret.toUri()));

        SitemapReader.Sitemap sitemap;
        try {
            sitemap = reader.read(hostile);
        } catch (IOException refused) {
            return;
        }
        assertThat(sitemap.pages()).noneMatch(page -> page.contains("secret"));
    }
}

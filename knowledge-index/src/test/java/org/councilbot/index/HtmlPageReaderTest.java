package org.councilbot.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlPageReaderTest {
    static final String NOISY_PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head>
              <title>Bin collection days - Eastbrook District Council</title>
              <link rel="canonical" href="https://www.eastbrook.gov.uk/bins/collection-days">
              <meta name="dcterms.subject" content="Waste">
              <meta property="article:modified_time" content="2025-03-04T09:15:00Z">
            </head><body>
              <div id="global-cookie-message" class="cookie-banner">
                <p>We use cookies to make this website work. Accept analytics cookies?</p>
              </div>
              <a href="#content" class="govuk-skip-link">Skip to main content</a>
              <header class="site-header"><p>Eastbrook District Council header strapline</p></header>
              <nav class="site-nav"><ul><li><a href="/parking">Parking menu entry</a></li></ul></nav>
              <div class="govuk-breadcrumbs"><ol><li><a href="/">Home</a></li><li>Bins breadcrumb trail</li></ol></div>
              <div id="content">
                <h1>Bin collection days</h1>
                <p>Your bins are collected <strong>once a week</strong>. Check your day on the
                   <a href="https://www.eastbrook.gov.uk/bins/lookup">collection day finder</a>.</p>
                <h2>What goes in each bin</h2>
                <p>You can recycle:</p>
                <ul><li>glass bottles and jars</li><li>paper and card
                  <ul><li>no greasy pizza boxes</li></ul></li></ul>
                <table>
                  <thead><tr><th>Bin</th><th>Colour</th></tr></thead>
                  <tbody><tr><td>Recycling</td><td>Blue</td></tr><tr><td>Garden waste</td><td>Brown</td></tr></tbody>
                </table>
                <div class="social-share"><a href="https://facebook.com/share">Share on Facebook</a></div>
              </div>
              <footer><p>Copyright Eastbrook footer text</p></footer>
            </body></html>
            """;

    private final HtmlPageReader reader = new HtmlPageReader();

    @Test
    void keeps_only_the_main_content_without_banner_navigation_breadcrumbs_or_footer() throws SourceRejected {
        // when
        SourcePage page = read(NOISY_PAGE);

        // then
        assertThat(page.body()).contains("Your bins are collected", "collection day finder", "glass bottles")
                .doesNotContain("cookies", "Skip to main content", "header strapline", "Parking menu entry",
                        "breadcrumb trail", "Share on Facebook", "footer text");
    }

    @Test
    void keeps_what_the_page_sets_in_bold_as_markdown_emphasis() throws SourceRejected {
        SourcePage page = read(NOISY_PAGE);
        assertThat(page.body()).contains("Your bins are collected **once a week**.");
        assertThat(InlineMarkdown.emphasised(page.body())).contains("once a week");
    }

    @Test
    void prefers_the_main_element_and_keeps_its_own_header_heading() throws SourceRejected {
        // given
        String html = """
                <html><head><title>Council tax</title><link rel="canonical" href="https://x.gov.uk/ctax"></head>
                <body><p>Outside the main element</p>
                <main><header><h1>Council tax</h1></header><p>Pay your council tax online.</p>
                <nav aria-label="Breadcrumb"><a href="/">Home</a></nav></main></body></html>
                """;

        // when
        SourcePage page = read(html);

        // then
        assertThat(page.body()).contains("# Council tax", "Pay your council tax online.")
                .doesNotContain("Outside the main element", "Home");
    }

    @Test
    void takes_the_title_without_the_council_suffix_and_the_canonical_url_and_meta_fields() throws SourceRejected {
        // when
        SourcePage page = read(NOISY_PAGE);

        // then
        assertThat(page.title()).isEqualTo("Bin collection days");
        assertThat(page.url()).isEqualTo("https://www.eastbrook.gov.uk/bins/collection-days");
        assertThat(page.service()).isEqualTo("waste");
        assertThat(page.updated()).contains(LocalDate.of(2025, 3, 4));
    }

    @Test
    void keeps_the_whole_title_when_the_h1_is_not_the_part_before_the_suffix() throws SourceRejected {
        // given
        String html = """
                <html><head><title>Parking | Permits | Eastbrook</title>
                <link rel="canonical" href="https://x.gov.uk/parking"></head>
                <body><h1>Residents' parking</h1><p>Apply for a permit.</p></body></html>
                """;

        // when
        SourcePage page = read(html);

        // then
        assertThat(page.title()).isEqualTo("Parking | Permits | Eastbrook");
        assertThat(page.service()).isEmpty();
        assertThat(page.updated()).isEmpty();
    }

    @Test
    void takes_the_h1_as_title_when_there_is_no_title_element() throws SourceRejected {
        // when
        SourcePage page = read("<html><head><link rel=canonical href='https://x.gov.uk/a'></head>"
                + "<body><h1>Pest control</h1><p>We treat rats.</p></body></html>");

        // then
        assertThat(page.title()).isEqualTo("Pest control");
    }

    @Test
    void keeps_tables_and_lists_whole_and_links_as_text_and_url() throws SourceRejected {
        // given
        SourcePage page = read(NOISY_PAGE);

        // when
        List<MarkdownChunker.PageChunk> chunks = new MarkdownChunker(1000).chunk(page.title(), page.body());

        // then
        assertThat(chunks).anySatisfy(chunk -> {
            assertThat(chunk.sectionPath()).containsExactly("Bin collection days", "What goes in each bin");
            assertThat(chunk.text()).contains("You can recycle:\n\n- glass bottles and jars\n- paper and card\n"
                    + "  - no greasy pizza boxes");
            assertThat(chunk.text()).contains("| Bin | Colour |\n| Recycling | Blue |\n| Garden waste | Brown |");
        });
        assertThat(chunks.get(0).text()).isEqualTo("Your bins are collected once a week. Check your day on the"
                + " collection day finder (https://www.eastbrook.gov.uk/bins/lookup).");
    }

    @Test
    void keeps_markdown_characters_in_the_text_literally() throws SourceRejected {
        // when
        SourcePage page = read("<html><head><title>A</title><link rel=canonical href='https://x.gov.uk/a'></head>"
                + "<body><p># 1 *not* a heading, file_name_here [x]</p><p>1. not a list</p></body></html>");

        // then
        assertThat(new MarkdownChunker(1000).chunk(page.title(), page.body()))
                .extracting(MarkdownChunker.PageChunk::text)
                .containsExactly("# 1 *not* a heading, file_name_here [x]\n\n1. not a list");
    }

    @Test
    void honours_a_declared_charset() throws SourceRejected {
        // given
        String html = "<html><head><meta charset=\"windows-1252\"><title>Caf\u00e9 opening</title>"
                + "<link rel=canonical href='https://x.gov.uk/cafe'></head><body><p>Men\u00fa \u2013 open at 9.</p></body></html>";

        // when
        SourcePage page = reader.read(Path.of("cafe.html"), html.getBytes(Charset.forName("windows-1252")));

        // then
        assertThat(page.title()).isEqualTo("Caf\u00e9 opening");
        assertThat(page.body()).isEqualTo("Men\u00fa \u2013 open at 9.");
    }

    @Test
    void rejects_a_page_that_is_not_valid_in_its_charset() {
        // given an undeclared charset means UTF-8, and these are Latin-1 bytes
        byte[] latin1 = ("<html><head><title>Caf\u00e9</title><link rel=canonical href='https://x.gov.uk/cafe'>"
                + "</head><body><p>Men\u00fa</p></body></html>").getBytes(StandardCharsets.ISO_8859_1);

        // then
        assertThatThrownBy(() -> reader.read(Path.of("cafe.html"), latin1)).isInstanceOf(SourceRejected.class)
                .hasMessage("not valid UTF-8 text; save the page as UTF-8 or declare its charset in a <meta charset> tag");
    }

    @Test
    void rejects_a_page_without_an_absolute_canonical_url() {
        assertThatThrownBy(() -> read("<html><head><title>A</title></head><body><p>Text</p></body></html>"))
                .hasMessage("no canonical url: add <link rel=\"canonical\" href=\"https://...\"> to the page's <head>");
        assertThatThrownBy(() -> read("<html><head><title>A</title><link rel=canonical href='/a'></head>"
                + "<body><p>Text</p></body></html>"))
                .hasMessage("canonical url must be an absolute http(s) address, was '/a'");
    }

    @Test
    void rejects_a_page_whose_main_content_has_no_text() {
        assertThatThrownBy(() -> read("<html><head><title>A</title><link rel=canonical href='https://x.gov.uk/a'>"
                + "</head><body><nav><a href='/'>Home</a></nav><main> <script>var x = 1;</script> </main></body></html>"))
                .hasMessage("HTML page has no text in its main content");
    }

    private SourcePage read(String html) throws SourceRejected {
        return reader.read(Path.of("page.html"), html.getBytes(StandardCharsets.UTF_8));
    }
}

package org.councilbot.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FrontMatterParserTest {
    private static final Path SOURCE = Path.of("page.md");

    private final FrontMatterParser parser = new FrontMatterParser();

    @Test
    void reads_fields_and_body_of_a_page() throws Exception {
        // given
        String text = """
                ---
                title: Recycling collections
                url: https://www.eastbrook.gov.uk/bins/recycling
                service: Waste
                updated: 2025-03-14
                ---
                # Recycling
                We collect every two weeks.
                """;

        // when
        FrontMatterParser.MarkdownFile file = parser.parse(text);
        SourcePage page = SourcePage.of(SOURCE, file.fields(), file.body());

        // then
        assertThat(page.title()).isEqualTo("Recycling collections");
        assertThat(page.url()).isEqualTo("https://www.eastbrook.gov.uk/bins/recycling");
        assertThat(page.service()).isEqualTo("waste");
        assertThat(page.updated()).contains(LocalDate.of(2025, 3, 14));
        assertThat(page.body()).isEqualTo("# Recycling\nWe collect every two weeks.\n");
    }

    @Test
    void accepts_windows_line_endings_a_byte_order_mark_and_missing_optional_fields() throws Exception {
        // given
        String text = "\uFEFF---\r\ntitle: \"Library: opening hours\"\r\nurl: https://eastbrook.gov.uk/libraries\r\n---\r\nOpen daily.\r\n";

        // when
        FrontMatterParser.MarkdownFile file = parser.parse(text);
        SourcePage page = SourcePage.of(SOURCE, file.fields(), file.body());

        // then
        assertThat(page.title()).isEqualTo("Library: opening hours");
        assertThat(page.service()).isEmpty();
        assertThat(page.updated()).isEmpty();
        assertThat(page.body()).isEqualTo("Open daily.\r\n");
    }

    @Test
    void takes_the_date_part_of_a_timestamp() throws Exception {
        // given
        String text = "---\ntitle: T\nurl: https://x.gov.uk/a\nupdated: 2024-05-31T10:15:00Z\n---\nText\n";

        // when
        FrontMatterParser.MarkdownFile file = parser.parse(text);

        // then
        assertThat(SourcePage.of(SOURCE, file.fields(), file.body()).updated()).contains(LocalDate.of(2024, 5, 31));
    }

    @Test
    void rejects_a_file_without_front_matter() {
        assertThatThrownBy(() -> parser.parse("# Recycling\n\nWe collect every two weeks.\n"))
                .isInstanceOf(SourceRejected.class)
                .hasMessageContaining("no front matter");
    }

    @Test
    void rejects_front_matter_that_is_never_closed() {
        assertThatThrownBy(() -> parser.parse("---\ntitle: T\nurl: https://x.gov.uk/a\n\nBody text\n"))
                .isInstanceOf(SourceRejected.class)
                .hasMessageContaining("not closed");
    }

    @Test
    void rejects_empty_and_invalid_yaml() {
        assertThatThrownBy(() -> parser.parse("---\n---\nBody\n"))
                .isInstanceOf(SourceRejected.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> parser.parse("---\ntitle: [unclosed\nurl: x\n---\nBody\n"))
                .isInstanceOf(SourceRejected.class)
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> parser.parse("---\n- just\n- a list\n---\nBody\n"))
                .isInstanceOf(SourceRejected.class)
                .hasMessageContaining("key: value");
    }

    @Test
    void rejects_missing_or_unusable_title_and_url() {
        assertThatThrownBy(() -> page("url: https://x.gov.uk/a\n"))
                .isInstanceOf(SourceRejected.class).hasMessage("missing 'title'");
        assertThatThrownBy(() -> page("title: Bins\n"))
                .isInstanceOf(SourceRejected.class).hasMessage("missing 'url'");
        assertThatThrownBy(() -> page("title: '  '\nurl: https://x.gov.uk/a\n"))
                .isInstanceOf(SourceRejected.class).hasMessageContaining("'title' must be non-empty text");
        assertThatThrownBy(() -> page("title: Bins\nurl: /bins\n"))
                .isInstanceOf(SourceRejected.class).hasMessageContaining("absolute http(s)");
        assertThatThrownBy(() -> page("title: Bins\nurl: https://x.gov.uk/a b\n"))
                .isInstanceOf(SourceRejected.class).hasMessageContaining("not a valid address");
        assertThatThrownBy(() -> page("title: Bins\nurl: https://x.gov.uk/" + "a".repeat(SourcePage.MAX_URL_CHARS) + "\n"))
                .isInstanceOf(SourceRejected.class).hasMessageContaining("'url' is longer than 2000 characters");
        assertThatThrownBy(() -> page("title: {a: b}\nurl: https://x.gov.uk/a\n"))
                .isInstanceOf(SourceRejected.class).hasMessageContaining("'title' must be non-empty text");
    }

    @Test
    void rejects_an_updated_value_that_is_not_a_date() {
        assertThatThrownBy(() -> page("title: Bins\nurl: https://x.gov.uk/a\nupdated: last Tuesday\n"))
                .isInstanceOf(SourceRejected.class)
                .hasMessageContaining("'updated' must be a date like 2024-05-31, was 'last Tuesday'");
    }

    @Test
    void rejects_a_page_with_no_text() {
        assertThatThrownBy(() -> SourcePage.of(SOURCE, parser.parse("---\ntitle: T\nurl: https://x.gov.uk/a\n---\n \n").fields(), " \n"))
                .isInstanceOf(SourceRejected.class)
                .hasMessage("page has no text");
    }

    private SourcePage page(String frontMatter) throws SourceRejected {
        FrontMatterParser.MarkdownFile file = parser.parse("---\n" + frontMatter + "---\nSome text.\n");
        return SourcePage.of(SOURCE, file.fields(), file.body());
    }
}

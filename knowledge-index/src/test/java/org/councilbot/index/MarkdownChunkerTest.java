package org.councilbot.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MarkdownChunkerTest {
    private static final String TITLE = "Recycling collections";

    private final MarkdownChunker chunker = new MarkdownChunker(IndexSettings.defaults().targetChunkChars());

    @Test
    void records_the_section_path_from_the_title_down_to_the_chunks_own_heading() {
        // given
        String markdown = """
                Intro before any heading.

                ## Bins
                About bins.

                ### Blue bin
                Paper and card.

                ## Missed collections
                Report it online.
                """;

        // when
        List<MarkdownChunker.PageChunk> chunks = chunker.chunk(TITLE, markdown);

        // then
        assertThat(chunks).extracting(MarkdownChunker.PageChunk::sectionPath).containsExactly(
                List.of(TITLE),
                List.of(TITLE, "Bins"),
                List.of(TITLE, "Bins", "Blue bin"),
                List.of(TITLE, "Missed collections"));
        assertThat(chunks).extracting(MarkdownChunker.PageChunk::text)
                .containsExactly("Intro before any heading.", "About bins.", "Paper and card.", "Report it online.");
    }

    @Test
    void does_not_repeat_a_top_heading_that_is_the_page_title() {
        // when
        List<MarkdownChunker.PageChunk> chunks = chunker.chunk(TITLE, "# Recycling collections\nWe collect.\n## Days\nMonday.\n");

        // then
        assertThat(chunks).extracting(MarkdownChunker.PageChunk::sectionPath)
                .containsExactly(List.of(TITLE), List.of(TITLE, "Days"));
    }

    @Test
    void keeps_a_table_whole_even_when_it_is_larger_than_the_target() {
        // given a 60-row table of about 2,000 characters and a 300-character target
        String rows = IntStream.rangeClosed(1, 60).mapToObj(i -> "| Street " + i + " | Monday |")
                .collect(Collectors.joining("\n"));
        String markdown = "## Collection days\nCheck your street.\n\n| Street | Day |\n|---|---|\n" + rows + "\n\nBins out by 7am.\n";

        // when
        List<MarkdownChunker.PageChunk> chunks = new MarkdownChunker(300).chunk(TITLE, markdown);

        // then exactly one chunk holds the table, with every row
        List<MarkdownChunker.PageChunk> withTable = chunks.stream().filter(c -> c.text().contains("| Street |")).toList();
        assertThat(withTable).hasSize(1);
        assertThat(withTable.get(0).text()).contains("| Street 1 | Monday |", "| Street 60 | Monday |", "|---|---|");
        assertThat(withTable.get(0).text().lines().filter(line -> line.startsWith("|")).count()).isEqualTo(62);
        assertThat(chunks).allSatisfy(c -> assertThat(c.sectionPath()).containsExactly(TITLE, "Collection days"));
    }

    @Test
    void keeps_a_list_whole_including_loose_items_and_wrapped_lines() {
        // given a list with blank lines between items and a wrapped item, and a small target
        String markdown = """
                ## What goes in

                * paper and
                  magazines

                * cardboard
                + plastic bottles
                1. glass jars

                Not nappies.
                """;

        // when
        List<MarkdownChunker.PageChunk> chunks = new MarkdownChunker(IndexSettings.MIN_CHUNK_CHARS).chunk(TITLE, markdown);

        // then
        assertThat(chunks).hasSize(1);
        assertThat(chunks.get(0).text()).isEqualTo("""
                - paper and magazines
                - cardboard
                - plastic bottles
                1. glass jars

                Not nappies.""");
    }

    @Test
    void splits_a_long_section_at_paragraph_boundaries_near_the_target_size() {
        // given eight paragraphs of about 250 characters and a 600-character target
        List<String> paragraphs = IntStream.rangeClosed(1, 8)
                .mapToObj(i -> "Paragraph " + i + " " + "words about recycling. ".repeat(10).strip())
                .toList();

        // when
        List<MarkdownChunker.PageChunk> chunks = new MarkdownChunker(600).chunk(TITLE, String.join("\n\n", paragraphs));

        // then every chunk is within the target and made of whole paragraphs, in order
        assertThat(chunks).hasSizeGreaterThan(1);
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.text().length()).isLessThanOrEqualTo(600);
            assertThat(paragraphs).containsAll(List.of(chunk.text().split("\n\n")));
        });
        String rejoined = chunks.stream().map(MarkdownChunker.PageChunk::text).collect(Collectors.joining("\n\n"));
        assertThat(rejoined).isEqualTo(String.join("\n\n", paragraphs));
    }

    @Test
    void splits_a_single_over_long_paragraph_between_sentences() {
        // given
        String paragraph = "We collect recycling every two weeks from the kerbside. ".repeat(30).strip();

        // when
        List<MarkdownChunker.PageChunk> chunks = new MarkdownChunker(400).chunk(TITLE, paragraph);

        // then
        assertThat(chunks).hasSizeGreaterThan(1).allSatisfy(chunk -> {
            assertThat(chunk.text().length()).isLessThanOrEqualTo(400);
            assertThat(chunk.text()).startsWith("We collect").endsWith("kerbside.");
        });
    }

    @Test
    void keeps_a_lead_in_line_with_the_list_it_introduces() {
        // given a paragraph that fills the chunk, then a lead-in and its list
        String markdown = "A".repeat(180) + ".\n\nYou can put these in your blue bin:\n\n- paper\n- cans\n";

        // when
        List<MarkdownChunker.PageChunk> chunks = new MarkdownChunker(IndexSettings.MIN_CHUNK_CHARS).chunk(TITLE, markdown);

        // then
        assertThat(chunks).extracting(MarkdownChunker.PageChunk::text)
                .containsExactly("A".repeat(180) + ".", "You can put these in your blue bin:\n\n- paper\n- cans");
    }

    @Test
    void cleans_inline_markdown_but_keeps_list_and_table_markup() {
        // when
        List<MarkdownChunker.PageChunk> chunks = chunker.chunk(TITLE, """
                Put bins out by **7am**, see [bin days](https://x.gov.uk/days).

                - *rinsed* tins
                | Day | Area |
                |-----|------|
                | Mon | [North](https://x.gov.uk/n) |
                """);

        // then
        assertThat(chunks).singleElement().extracting(MarkdownChunker.PageChunk::text).isEqualTo("""
                Put bins out by 7am, see bin days (https://x.gov.uk/days).

                - rinsed tins

                | Day | Area |
                |-----|------|
                | Mon | North (https://x.gov.uk/n) |""");
    }

    @Test
    void keeps_a_code_block_whole_and_reads_deeper_headings_as_text() {
        // when
        List<MarkdownChunker.PageChunk> chunks = chunker.chunk(TITLE, """
                ## Fees
                #### Standard fee
                £40 a year.

                ```
                # not a heading
                | not a table
                ```
                """);

        // then
        assertThat(chunks).singleElement().satisfies(chunk -> {
            assertThat(chunk.sectionPath()).containsExactly(TITLE, "Fees");
            assertThat(chunk.text()).isEqualTo("Standard fee\n\n£40 a year.\n\n# not a heading\n| not a table");
        });
    }

    @Test
    void makes_no_chunk_for_headings_without_text() {
        assertThat(chunker.chunk(TITLE, "# Recycling\n\n## Empty section\n\n---\n")).isEmpty();
    }
}

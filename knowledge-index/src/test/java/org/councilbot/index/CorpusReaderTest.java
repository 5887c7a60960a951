package org.councilbot.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusReaderTest {
    @TempDir
    Path corpus;

    private final CorpusReader reader = new CorpusReader();

    @Test
    void reads_markdown_pages_and_json_lines_records_recursively() throws IOException {
        // given
        TestCorpus.copyTo(corpus);

        // when
        CollectedCorpus collected = read();

        // then
        assertThat(collected.skipped).isEmpty();
        assertThat(collected.pages).hasSize(TestCorpus.PAGES);
        assertThat(collected.pages).extracting(SourcePage::url).contains(
                "https://www.eastbrook.gov.uk/bins/recycling",
                "https://www.eastbrook.gov.uk/environment/pest-control");
        assertThat(collected.bytes).isEqualTo(reader.scan(corpus).totalBytes());
    }

    @Test
    void skips_unusable_files_with_their_reasons_and_reads_the_rest() throws IOException {
        // given
        TestCorpus.writePage(corpus, "good.md", "Bins", "https://x.gov.uk/bins", "waste", "Bins go out on Monday.\n");
        Files.writeString(corpus.resolve("no-front-matter.md"), "# Bins\n\nNo fields here.\n");
        Files.write(corpus.resolve("latin1.md"), "---\ntitle: Caf\u00e9\nurl: https://x.gov.uk/cafe\n---\nMen\u00fa\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        TestCorpus.writePage(corpus, "huge.md", "Huge", "https://x.gov.uk/huge", "waste",
                "word ".repeat((int) (CorpusReader.MAX_SOURCE_BYTES / 5) + 1));
        TestCorpus.writePage(corpus, "sub/copy.md", "Bins again", "https://x.gov.uk/bins", "waste", "Same url.\n");

        // when
        CollectedCorpus collected = read();

        // then
        assertThat(collected.pages).extracting(SourcePage::title).containsExactly("Bins");
        assertThat(collected.skipped).extracting(s -> corpus.relativize(s.path()).toString(), SkippedFile::reason)
                .containsExactlyInAnyOrder(
                        tuple("no-front-matter.md",
                                "no front matter: the file must start with a '---' line, then 'title:' and 'url:' lines, then '---'"),
                        tuple("latin1.md", "not valid UTF-8 text; save the file as UTF-8"),
                        tuple("huge.md", "larger than the 10 MB limit ("
                                + Files.size(corpus.resolve("huge.md")) + " bytes)"),
                        tuple("sub/copy.md",
                                "duplicate url https://x.gov.uk/bins, already indexed from good.md"));
    }

    @Test
    void skips_bad_json_lines_records_by_line_number_and_reads_the_rest() throws IOException {
        // given
        Files.writeString(corpus.resolve(CorpusReader.JSON_LINES_NAME), String.join("\n",
                "{\"id\":\"a\",\"url\":\"https://x.gov.uk/a\",\"title\":\"A\",\"text\":\"Text A\",\"service\":\"waste\"}",
                "",
                "{\"id\":\"b\",\"url\":\"https://x.gov.uk/b\",\"title\":\"B\"}",
                "{not json",
                "[1, 2]",
                "{\"id\":\"c\",\"url\":\"https://x.gov.uk/c\",\"title\":\"C\",\"text\":\"Text C\"}"));

        // when
        CollectedCorpus collected = read();

        // then
        assertThat(collected.pages).extracting(SourcePage::url).containsExactly("https://x.gov.uk/a", "https://x.gov.uk/c");
        assertThat(collected.skipped).extracting(SkippedFile::reason).satisfiesExactly(
                reason -> assertThat(reason).isEqualTo("line 3 (id b): missing 'text'"),
                reason -> assertThat(reason).startsWith("line 4: not valid JSON"),
                reason -> assertThat(reason).isEqualTo("line 5: not a JSON object"));
    }

    @Test
    void ignores_other_files_and_hidden_directories() throws IOException {
        // given
        TestCorpus.writePage(corpus, ".git/page.md", "Hidden", "https://x.gov.uk/hidden", "", "Hidden.\n");
        Files.writeString(corpus.resolve("notes.txt"), "not a page");
        Files.write(corpus.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});

        // when
        CollectedCorpus collected = read();

        // then
        assertThat(collected.pages).isEmpty();
        assertThat(collected.skipped).isEmpty();
    }

    private CollectedCorpus read() throws IOException {
        CollectedCorpus collected = new CollectedCorpus();
        reader.read(reader.scan(corpus), collected);
        return collected;
    }

}

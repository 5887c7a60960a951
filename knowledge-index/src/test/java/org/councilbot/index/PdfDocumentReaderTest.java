package org.councilbot.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfDocumentReaderTest {
    @TempDir
    Path dir;

    private final PdfDocumentReader reader = new PdfDocumentReader();

    @Test
    void makes_each_pdf_page_a_section_ending_with_its_page_number() throws IOException, SourceRejected {
        // given
        Path file = TestPdfs.write(dir.resolve("calendar.pdf"), "Bin collection calendar 2025",
                "Blue bins are collected on Mondays.", "Brown bins are collected on Thursdays.");

        // when
        SourcePage page = reader.read(file, Files.readAllBytes(file), "https://x.gov.uk/calendar.pdf");
        List<MarkdownChunker.PageChunk> chunks = new MarkdownChunker(1000).chunk(page.title(), page.body());

        // then
        assertThat(page.title()).isEqualTo("Bin collection calendar 2025");
        assertThat(page.paged()).isTrue();
        assertThat(chunks).extracting(MarkdownChunker.PageChunk::sectionPath).containsExactly(
                List.of("Bin collection calendar 2025", "Page 1"), List.of("Bin collection calendar 2025", "Page 2"));
        assertThat(chunks.get(1).text()).isEqualTo("Brown bins are collected on Thursdays.");
        assertThat(page.citationUrl(chunks.get(1).sectionPath())).isEqualTo("https://x.gov.uk/calendar.pdf#page=2");
    }

    @Test
    void takes_the_file_name_as_title_when_the_pdf_has_none_and_leaves_out_pages_without_text()
            throws IOException, SourceRejected {
        // given
        Path file = TestPdfs.write(dir.resolve("fees-2025.pdf"), null, "", "Fees rise by 3% in April.");

        // when
        SourcePage page = reader.read(file, Files.readAllBytes(file), "https://x.gov.uk/fees-2025.pdf");

        // then
        assertThat(page.title()).isEqualTo("fees-2025");
        assertThat(page.body()).doesNotContain("Page 1").contains("# Page 2");
    }

    @Test
    void rejects_a_corrupt_pdf() {
        byte[] corrupt = "%PDF-1.7\nthis is not really a PDF".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> reader.read(dir.resolve("broken.pdf"), corrupt, "https://x.gov.uk/broken.pdf"))
                .isInstanceOf(SourceRejected.class).hasMessageStartingWith("not a readable PDF");
    }

    @Test
    void rejects_a_scanned_pdf_without_a_text_layer() throws IOException {
        Path file = TestPdfs.write(dir.resolve("scan.pdf"), "Scanned letter", "", "");

        assertThatThrownBy(() -> reader.read(file, Files.readAllBytes(file), "https://x.gov.uk/scan.pdf"))
                .isInstanceOf(SourceRejected.class).hasMessageContaining("no text layer");
    }
}

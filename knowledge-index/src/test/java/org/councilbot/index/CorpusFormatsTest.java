package org.councilbot.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTML pages and PDFs read from a corpus directory alongside Markdown. */
class CorpusFormatsTest {
    static final long FIFTY_MB = 50L * 1024 * 1024;

    @TempDir
    Path corpus;

    private final CorpusReader reader = new CorpusReader();

    @Test
    void reads_html_pages_and_pdfs_with_their_urls_from_a_sidecar_or_the_url_list() throws IOException {
        // given
        Files.writeString(corpus.resolve("bins.html"), HtmlPageReaderTest.NOISY_PAGE);
        TestPdfs.write(corpus.resolve("docs/calendar.pdf"), "Calendar", "Mondays.", "Thursdays.");
        Files.writeString(corpus.resolve("docs/calendar.pdf.url"), "https://x.gov.uk/calendar.pdf\n");
        TestPdfs.write(corpus.resolve("docs/fees.pdf"), "Fees", "Fees rise in April.");
        Files.writeString(corpus.resolve(CorpusReader.PDF_URLS_NAME),
                "# path url\n\ndocs/fees.pdf https://x.gov.uk/fees.pdf\n");

        // when
        CollectedCorpus collected = read();

        // then
        assertThat(collected.skipped).isEmpty();
        assertThat(collected.pages).extracting(SourcePage::url, SourcePage::paged).containsExactly(
                tuple("https://www.eastbrook.gov.uk/bins/collection-days", false),
                tuple("https://x.gov.uk/calendar.pdf", true),
                tuple("https://x.gov.uk/fees.pdf", true));
    }

    @Test
    void cites_a_saved_page_by_its_url_sidecar_before_its_canonical_link() throws IOException {
        // given a crawled page whose canonical link points elsewhere, and one without any
        Files.writeString(corpus.resolve("bins.html"), HtmlPageReaderTest.NOISY_PAGE);
        Files.writeString(corpus.resolve("bins.html.url"), "https://crawled.gov.uk/bins\n");
        Files.writeString(corpus.resolve("plain.html"), "<html><head><title>Parking</title></head>"
                + "<body><main><p>Permits cost 50 pounds.</p></main></body></html>");
        Files.writeString(corpus.resolve("plain.html.url"), "https://crawled.gov.uk/parking");
        Files.writeString(corpus.resolve("broken.html"), HtmlPageReaderTest.NOISY_PAGE);
        Files.writeString(corpus.resolve("broken.html.url"), "\n");

        // when
        CollectedCorpus collected = read();

        // then
        assertThat(collected.pages).extracting(SourcePage::url)
                .containsExactly("https://crawled.gov.uk/bins", "https://crawled.gov.uk/parking");
        assertThat(collected.skipped).extracting(s -> s.path().getFileName().toString(), SkippedFile::reason)
                .containsExactly(tuple("broken.html", "broken.html.url must hold the page's url on one line"));
    }

    @Test
    void skips_bad_html_and_pdf_files_with_their_reasons_and_reads_the_rest() throws IOException {
        // given
        TestCorpus.writePage(corpus, "good.md", "Bins", "https://x.gov.uk/bins", "waste", "Bins go out on Monday.\n");
        Files.writeString(corpus.resolve("good.html"), HtmlPageReaderTest.NOISY_PAGE);
        TestPdfs.write(corpus.resolve("good.pdf"), "Calendar", "Mondays.", "Thursdays.");
        Files.writeString(corpus.resolve("good.pdf.url"), "https://x.gov.uk/calendar.pdf");
        Files.write(corpus.resolve("corrupt.pdf"), "%PDF-1.4\ngarbage".getBytes(StandardCharsets.US_ASCII));
        Files.writeString(corpus.resolve("corrupt.pdf.url"), "https://x.gov.uk/corrupt.pdf");
        TestPdfs.write(corpus.resolve("scanned.pdf"), "Scan", "", "");
        Files.writeString(corpus.resolve("scanned.pdf.url"), "https://x.gov.uk/scanned.pdf");
        TestPdfs.write(corpus.resolve("unlisted.pdf"), "Unlisted", "Some text.");
        Files.writeString(corpus.resolve("empty.html"), "<html><head><title>Empty</title>"
                + "<link rel=canonical href='https://x.gov.uk/empty'></head><body><nav>Home</nav></body></html>");
        Files.write(corpus.resolve("latin1.html"), ("<html><head><title>Caf\u00e9</title><link rel=canonical"
                + " href='https://x.gov.uk/cafe'></head><body><p>Men\u00fa</p></body></html>").getBytes(StandardCharsets.ISO_8859_1));
        Path huge = corpus.resolve("huge.pdf");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(FIFTY_MB);
        }

        // when
        CollectedCorpus collected = read();

        // then
        assertThat(collected.pages).extracting(SourcePage::url).containsExactlyInAnyOrder("https://x.gov.uk/bins",
                "https://www.eastbrook.gov.uk/bins/collection-days", "https://x.gov.uk/calendar.pdf");
        assertThat(collected.skipped).extracting(s -> corpus.relativize(s.path()).toString(), SkippedFile::reason)
                .satisfiesExactlyInAnyOrder(
                        skip -> assertThat(skip.toList()).first().isEqualTo("corrupt.pdf"),
                        skip -> assertThat(skip.toList()).containsExactly("scanned.pdf", "PDF has no text layer"
                                + " (a scanned document?); publish a text version or run it through OCR"),
                        skip -> assertThat(skip.toList()).containsExactly("unlisted.pdf", "no url for this PDF: add a file"
                                + " unlisted.pdf.url holding it, or a line 'unlisted.pdf https://...' to pdf-urls.txt"),
                        skip -> assertThat(skip.toList()).containsExactly("empty.html",
                                "HTML page has no text in its main content"),
                        skip -> assertThat(skip.toList()).containsExactly("latin1.html", "not valid UTF-8 text;"
                                + " save the page as UTF-8 or declare its charset in a <meta charset> tag"),
                        skip -> assertThat(skip.toList()).containsExactly("huge.pdf",
                                "larger than the 10 MB limit (" + FIFTY_MB + " bytes)"));
        assertThat(collected.skipped).filteredOn(s -> s.path().endsWith("corrupt.pdf"))
                .extracting(SkippedFile::reason).singleElement().asString().startsWith("not a readable PDF");
    }

    private CollectedCorpus read() throws IOException {
        CollectedCorpus collected = new CollectedCorpus();
        reader.read(reader.scan(corpus), collected);
        return collected;
    }

}

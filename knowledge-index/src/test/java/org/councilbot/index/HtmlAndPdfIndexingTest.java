package org.councilbot.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.councilbot.core.KnowledgeQuery;
import org.councilbot.core.KnowledgeRetriever;
import org.councilbot.core.Passage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlAndPdfIndexingTest {
    @TempDir
    Path work;

    private final KnowledgeIndexer indexer = KnowledgeIndexer.create(IndexSettings.defaults());

    @Test
    void indexes_html_main_content_and_pdf_pages_and_skips_bad_files() throws IOException {
        // given
        Path corpus = TestCorpus.copyTo(work.resolve("corpus"));
        Files.writeString(corpus.resolve("bins.html"), HtmlPageReaderTest.NOISY_PAGE);
        TestPdfs.write(corpus.resolve("docs/calendar.pdf"), "Garden waste calendar",
                "Subscriptions open in February.", "Hedge trimmings are taken fortnightly from March.");
        Files.writeString(corpus.resolve(CorpusReader.PDF_URLS_NAME),
                "docs/calendar.pdf https://www.eastbrook.gov.uk/docs/calendar.pdf\n");
        Files.write(corpus.resolve("corrupt.pdf"), "%PDF-1.4\ngarbage".getBytes(StandardCharsets.US_ASCII));
        Files.writeString(corpus.resolve("empty.html"), "<html><head><title>Empty</title>"
                + "<link rel=canonical href='https://x.gov.uk/empty'></head><body></body></html>");
        try (RandomAccessFile huge = new RandomAccessFile(corpus.resolve("huge.html").toFile(), "rw")) {
            huge.setLength(CorpusFormatsTest.FIFTY_MB);
        }

        // when
        IndexBuildReport report = indexer.build(corpus, work.resolve("index"));

        // then
        assertThat(report.pages()).isEqualTo(TestCorpus.PAGES + 2);
        assertThat(report.skipped()).extracting(s -> s.path().getFileName().toString())
                .containsExactlyInAnyOrder("corrupt.pdf", "empty.html", "huge.html");
        try (LuceneKnowledgeIndex index = LuceneKnowledgeIndex.open(work.resolve("index"))) {
            KnowledgeRetriever bm25 = index.retrievers().get("bm25");
            assertThat(bm25.retrieve(KnowledgeQuery.of("analytics cookies accept", 5))).isEmpty();
            assertThat(bm25.retrieve(KnowledgeQuery.of("greasy pizza boxes", 1))).singleElement()
                    .satisfies(passage -> {
                        assertThat(passage.url()).isEqualTo("https://www.eastbrook.gov.uk/bins/collection-days");
                        assertThat(passage.title()).isEqualTo("Bin collection days");
                        assertThat(passage.text()).contains("| Recycling | Blue |");
                    });
            Passage fortnightly = bm25.retrieve(KnowledgeQuery.of("hedge trimmings fortnightly", 1)).get(0);
            assertThat(fortnightly.url()).isEqualTo("https://www.eastbrook.gov.uk/docs/calendar.pdf#page=2");
            assertThat(fortnightly.sectionPath()).containsExactly("Garden waste calendar", "Page 2");
        }
    }
}

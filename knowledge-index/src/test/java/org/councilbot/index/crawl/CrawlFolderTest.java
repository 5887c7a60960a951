package org.councilbot.index.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.councilbot.core.CouncilbotException;
import org.councilbot.index.crawl.CrawlFolder.PageType;
import org.councilbot.index.crawl.CrawlFolder.StoredPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrawlFolderTest {
    @TempDir
    Path root;

    private static StoredPage page(PageType type, String hash) {
        return new StoredPage("", type, "\"e1\"", "", hash, "2025-06-02T09:00:00Z");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void names_files_after_the_page_address_and_keeps_the_address_beside_them() throws IOException {
        try (CrawlFolder folder = CrawlFolder.open(root)) {
            assertThat(folder.put("https://x.gov.uk/", bytes("home"), page(PageType.HTML, "1")).file())
                    .isEqualTo("index.html");
            assertThat(folder.put("https://x.gov.uk/bins/", bytes("bins"), page(PageType.HTML, "2")).file())
                    .isEqualTo("bins/index.html");
            assertThat(folder.put("https://x.gov.uk/bins/missed", bytes("m"), page(PageType.HTML, "3")).file())
                    .isEqualTo("bins/missed.html");
            assertThat(folder.put("https://x.gov.uk/docs/guide.PDF", bytes("%PDF"), page(PageType.PDF, "4")).file())
                    .isEqualTo("docs/guide.pdf");
            assertThat(folder.put("https://x.gov.uk/page.aspx?id=7", bytes("p"), page(PageType.HTML, "5")).file())
                    .matches("page\\.aspx-[0-9a-f]{10}\\.html");
            assertThat(folder.put("https://x.gov.uk/caf%C3%A9/.hidden", bytes("c"), page(PageType.HTML, "6")).file())
                    .matches("caf_C3_A9/_\\.hidden-[0-9a-f]{10}\\.html");
            // Two addresses that would share a name: the second gets a hash.
            assertThat(folder.put("https://x.gov.uk/bins/missed.html", bytes("m2"), page(PageType.HTML, "7")).file())
                    .matches("bins/missed-[0-9a-f]{10}\\.html");
        }

        assertThat(root.resolve("bins/missed.html")).hasContent("m");
        assertThat(root.resolve("bins/missed.html.url")).hasContent("https://x.gov.uk/bins/missed");
        assertThat(root.resolve("docs/guide.pdf.url")).hasContent("https://x.gov.uk/docs/guide.PDF");
        try (var files = Files.walk(root)) {
            assertThat(files.map(file -> file.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void remembers_pages_across_crawls_and_forgets_removed_ones_with_their_files() throws IOException {
        // given
        try (CrawlFolder folder = CrawlFolder.open(root)) {
            folder.put("https://x.gov.uk/a/b/c", bytes("deep"), page(PageType.HTML, "1"));
            folder.put("https://x.gov.uk/top", bytes("top"), page(PageType.HTML, "2"));
            folder.save();
        }

        // when
        try (CrawlFolder folder = CrawlFolder.open(root)) {
            assertThat(folder.urls()).containsExactlyInAnyOrder("https://x.gov.uk/a/b/c", "https://x.gov.uk/top");
            assertThat(folder.stored("https://x.gov.uk/top")).hasValueSatisfying(stored -> {
                assertThat(stored.etag()).isEqualTo("\"e1\"");
                assertThat(stored.lastModified()).isEmpty();
            });
            assertThat(folder.remove("https://x.gov.uk/a/b/c")).isTrue();
            assertThat(folder.remove("https://x.gov.uk/never")).isFalse();
            folder.save();
        }

        // then the file, its sidecar and the directories it emptied are gone
        assertThat(root.resolve("a")).doesNotExist();
        assertThat(root.resolve("top.html")).exists();
        assertThat(Files.readString(root.resolve(CrawlFolder.STATE_FILE))).doesNotContain("a/b/c").contains("top.html");
    }

    @Test
    void starts_afresh_when_the_state_file_is_damaged() throws IOException {
        Files.writeString(root.resolve(CrawlFolder.STATE_FILE), "{not json");

        try (CrawlFolder folder = CrawlFolder.open(root)) {
            assertThat(folder.urls()).isEmpty();
            assertThat(folder.notes()).singleElement().asString().startsWith("crawl-state.json was unreadable");
        }
    }

    @Test
    void lets_one_crawl_at_a_time_write_a_folder() {
        try (CrawlFolder first = CrawlFolder.open(root)) {
            assertThatThrownBy(() -> CrawlFolder.open(root))
                    .isInstanceOfSatisfying(CouncilbotException.class, e -> assertThat(e.code()).isEqualTo("crawl_busy"));
        }
        CrawlFolder.open(root).close();
    }
}

package org.councilbot.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.councilbot.core.CouncilbotException;
import org.councilbot.core.KnowledgeQuery;
import org.councilbot.core.Passage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeIndexerTest {
    @TempDir
    Path work;

    private final KnowledgeIndexer indexer = KnowledgeIndexer.create(IndexSettings.defaults());

    @Test
    void reports_the_pages_and_chunks_it_indexed() {
        // when
        IndexBuildReport report = indexer.build(TestCorpus.resources(), work.resolve("index"));

        // then
        assertThat(report.pages()).isEqualTo(TestCorpus.PAGES);
        assertThat(report.chunks()).isGreaterThan(TestCorpus.PAGES);
        assertThat(report.skipped()).isEmpty();
        assertThat(report.took()).isPositive();
        assertThat(work.resolve("index").resolve(IndexGenerations.POINTER)).hasContent("gen-000001");
    }

    @Test
    void skips_bad_files_with_reasons_and_indexes_the_rest() throws IOException {
        // given the test corpus plus a page without front matter, one in Latin-1 and one over 10 MB
        Path corpus = TestCorpus.copyTo(work.resolve("corpus"));
        Files.writeString(corpus.resolve("bulky-waste.md"), "# Bulky waste\n\nWe collect sofas and fridges.\n");
        Files.write(corpus.resolve("cafe.md"), "---\ntitle: Caf\u00e9 opening\nurl: https://x.gov.uk/cafe\n---\nOpen at 9.\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        TestCorpus.writePage(corpus, "minutes.md", "Minutes", "https://x.gov.uk/minutes", "democracy",
                "minutes ".repeat(1_400_000));

        // when
        IndexBuildReport report = indexer.build(corpus, work.resolve("index"));

        // then
        assertThat(report.pages()).isEqualTo(TestCorpus.PAGES);
        assertThat(report.skipped()).extracting(s -> s.path().getFileName().toString(), SkippedFile::reason)
                .containsExactlyInAnyOrder(
                        tuple("bulky-waste.md", "no front matter: the file must start with a '---' line,"
                                + " then 'title:' and 'url:' lines, then '---'"),
                        tuple("cafe.md", "not valid UTF-8 text; save the file as UTF-8"),
                        tuple("minutes.md", "larger than the 10 MB limit (" + Files.size(corpus.resolve("minutes.md")) + " bytes)"));
        try (LuceneKnowledgeIndex index = LuceneKnowledgeIndex.open(work.resolve("index"))) {
            assertThat(index.retrieve(KnowledgeQuery.of("recycling", 3))).isNotEmpty();
            assertThat(index.retrievers().get("bm25").retrieve(KnowledgeQuery.of("sofas fridges minutes cafe", 3))).isEmpty();
            // Nearest neighbours always exist, so hybrid ranks something: never a skipped page.
            assertThat(index.retrieve(KnowledgeQuery.of("sofas fridges minutes cafe", 10)))
                    .extracting(Passage::url).noneMatch(url -> url.startsWith("https://x.gov.uk/"));
        }
    }

    @Test
    void leaves_the_current_index_serving_when_the_corpus_is_missing() {
        // given
        Path indexRoot = work.resolve("index");
        indexer.build(TestCorpus.resources(), indexRoot);
        try (LuceneKnowledgeIndex index = LuceneKnowledgeIndex.open(indexRoot)) {

            // when
            assertThatThrownBy(() -> indexer.build(work.resolve("no-such-corpus"), indexRoot))
                    .isInstanceOfSatisfying(CouncilbotException.class, e -> assertThat(e.code()).isEqualTo("corpus_missing"))
                    .hasMessageContaining("no-such-corpus");

            // then
            assertThat(index.refresh()).isFalse();
            assertThat(index.retrieve(KnowledgeQuery.of("recycling", 3))).isNotEmpty();
            assertThat(indexRoot.resolve(IndexGenerations.POINTER)).hasContent("gen-000001");
        }
    }

    @Test
    void leaves_the_current_index_serving_when_no_file_is_usable() throws IOException {
        // given
        Path indexRoot = work.resolve("index");
        indexer.build(TestCorpus.resources(), indexRoot);
        Path broken = Files.createDirectories(work.resolve("broken"));
        Files.writeString(broken.resolve("page.md"), "No front matter at all.\n");

        try (LuceneKnowledgeIndex index = LuceneKnowledgeIndex.open(indexRoot)) {
            // when
            assertThatThrownBy(() -> indexer.build(broken, indexRoot))
                    .isInstanceOfSatisfying(CouncilbotException.class, e -> assertThat(e.code()).isEqualTo("corpus_empty"));

            // then the half-built generation is gone and the old one still answers
            assertThat(generationDirs(indexRoot)).containsExactly("gen-000001");
            assertThat(index.refresh()).isFalse();
            assertThat(index.retrieve(KnowledgeQuery.of("recycling", 3))).isNotEmpty();
        }
    }

    @Test
    void fails_with_a_clear_code_when_the_index_cannot_be_written() throws IOException {
        // given an index root that is a file
        Path notADirectory = Files.writeString(work.resolve("index"), "oops");

        // then
        assertThatThrownBy(() -> indexer.build(TestCorpus.resources(), notADirectory))
                .isInstanceOfSatisfying(CouncilbotException.class, e -> assertThat(e.code()).isEqualTo("index_build_failed"))
                .hasMessageContaining("the current index is unchanged");
    }

    @Test
    void repairs_a_damaged_pointer_by_rebuilding() throws IOException {
        // given
        Path indexRoot = Files.createDirectories(work.resolve("index"));
        Files.writeString(indexRoot.resolve(IndexGenerations.POINTER), "garbage");

        // when
        indexer.build(TestCorpus.resources(), indexRoot);

        // then
        try (LuceneKnowledgeIndex index = LuceneKnowledgeIndex.open(indexRoot)) {
            assertThat(index.retrieve(KnowledgeQuery.of("recycling", 3))).isNotEmpty();
        }
    }

    @Test
    void keeps_the_previous_generation_and_deletes_older_ones() {
        // given
        Path indexRoot = work.resolve("index");

        // when
        for (int i = 0; i < 4; i++) {
            indexer.build(TestCorpus.resources(), indexRoot);
        }

        // then
        assertThat(generationDirs(indexRoot)).containsExactly("gen-000003", "gen-000004");
        assertThat(indexRoot.resolve(IndexGenerations.POINTER)).hasContent("gen-000004");
    }

    @Test
    void switches_to_a_new_generation_on_refresh() throws IOException {
        // given
        Path indexRoot = work.resolve("index");
        Path corpus = versionedCorpus(work.resolve("v1"), "alpha", 3);
        indexer.build(corpus, indexRoot);
        try (LuceneKnowledgeIndex index = LuceneKnowledgeIndex.open(indexRoot)) {
            indexer.build(versionedCorpus(work.resolve("v2"), "bravo", 3), indexRoot);
            assertThat(markers(index.retrieve(KnowledgeQuery.of("recycling", 10)))).containsExactly("alpha");

            // when
            boolean switched = index.refresh();

            // then
            assertThat(switched).isTrue();
            assertThat(markers(index.retrieve(KnowledgeQuery.of("recycling", 10)))).containsExactly("bravo");
        }
    }

    @Test
    void switches_by_itself_on_the_first_query_after_the_check_interval() throws IOException {
        // given an index that checks the pointer at most once a second, on a clock the test moves
        Path indexRoot = work.resolve("index");
        indexer.build(versionedCorpus(work.resolve("v1"), "alpha", 3), indexRoot);
        AtomicLong nanos = new AtomicLong();
        try (LuceneKnowledgeIndex index = LuceneKnowledgeIndex.open(indexRoot, Duration.ofSeconds(1), nanos::get)) {
            indexer.build(versionedCorpus(work.resolve("v2"), "bravo", 3), indexRoot);

            // when less than the interval has passed, then the old generation still serves
            nanos.addAndGet(Duration.ofMillis(999).toNanos());
            assertThat(markers(index.retrieve(KnowledgeQuery.of("recycling", 10)))).containsExactly("alpha");

            // when the interval has passed, then the next query sees the new generation
            nanos.addAndGet(Duration.ofMillis(1).toNanos());
            assertThat(markers(index.retrieve(KnowledgeQuery.of("recycling", 10)))).containsExactly("bravo");
            assertThat(index.generation()).isEqualTo("gen-000002");
        }
    }

    @Test
    void swaps_generations_atomically_while_other_threads_keep_querying() throws Exception {
        // given two versions of a 12-page corpus and an index checking the pointer on every query
        Path indexRoot = work.resolve("index");
        int pages = 12;
        List<Path> versions = List.of(versionedCorpus(work.resolve("v1"), "alpha", pages),
                versionedCorpus(work.resolve("v2"), "bravo", pages));
        indexer.build(versions.get(0), indexRoot);
        Queue<String> problems = new ConcurrentLinkedQueue<>();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicBoolean building = new AtomicBoolean(true);
        AtomicInteger queries = new AtomicInteger();

        try (LuceneKnowledgeIndex index = LuceneKnowledgeIndex.open(indexRoot, Duration.ZERO, System::nanoTime)) {
            CountDownLatch started = new CountDownLatch(4);
            List<Thread> readers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                readers.add(Thread.ofPlatform().start(() -> {
                    started.countDown();
                    while (building.get()) {
                        try {
                            List<Passage> passages = index.retrieve(KnowledgeQuery.of("recycling collection", pages * 2));
                            Set<String> markers = markers(passages);
                            seen.addAll(markers);
                            queries.incrementAndGet();
                            // A complete generation has every page, all of one version.
                            if (passages.size() != pages || markers.size() != 1) {
                                problems.add(passages.size() + " passages, versions " + markers);
                            }
                        } catch (RuntimeException e) {
                            problems.add(e.toString());
                        }
                    }
                }));
            }
            started.await();

            // when
            for (int build = 1; build <= 6; build++) {
                indexer.build(versions.get(build % 2), indexRoot);
                Thread.sleep(20);
            }
            building.set(false);
            for (Thread reader : readers) {
                reader.join();
            }

            // then
            assertThat(problems).isEmpty();
            assertThat(queries.get()).isPositive();
            assertThat(seen).containsExactlyInAnyOrder("alpha", "bravo");
            assertThat(markers(index.retrieve(KnowledgeQuery.of("recycling collection", pages * 2)))).containsExactly("alpha");
            assertThat(index.generation()).isEqualTo("gen-000007");
        }
    }

    @Test
    void reports_progress_once_per_tenth_of_the_corpus_with_rate_and_time_left() throws IOException {
        // given a clock that moves one second each time the build looks at it
        Path corpus = versionedCorpus(work.resolve("corpus"), "alpha", 40);
        AtomicLong seconds = new AtomicLong();
        KnowledgeIndexer timed = KnowledgeIndexer.create(IndexSettings.defaults(), new MiniLmEmbedder(),
                () -> Duration.ofSeconds(seconds.getAndIncrement()).toNanos());
        List<String> lines = new ArrayList<>();

        // when
        timed.build(corpus, work.resolve("index"), lines::add);

        // then
        assertThat(lines).hasSize(10);
        assertThat(lines.get(0)).isEqualTo("Indexing: 4/40 pages (10%), 1.0 pages/s, ETA 36s");
        assertThat(lines.get(9)).isEqualTo("Indexing: 40/40 pages (100%), 1.0 pages/s, ETA 0s");
    }

    @Test
    void rejects_a_chunk_size_outside_the_sensible_range() {
        assertThatThrownBy(() -> new IndexSettings(10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("target-chunk-chars must be between 200 and 20000, was 10");
        assertThat(IndexSettings.defaults().targetChunkChars()).isEqualTo(1000);
    }

    /** Pages that all mention recycling once, each tagged with a version marker word. */
    private static Path versionedCorpus(Path dir, String marker, int pages) throws IOException {
        for (int i = 1; i <= pages; i++) {
            TestCorpus.writePage(dir, "page-" + i + ".md", "Topic " + i, "https://x.gov.uk/topic/" + i, "waste",
                    "Recycling collection notes for topic " + i + ". Version " + marker + ".\n");
        }
        return dir;
    }

    private static Set<String> markers(List<Passage> passages) {
        return passages.stream()
                .map(p -> p.text().replaceAll("(?s).*Version (\\w+)\\..*", "$1"))
                .collect(Collectors.toSet());
    }

    private static List<String> generationDirs(Path indexRoot) {
        try (Stream<Path> children = Files.list(indexRoot)) {
            return children.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

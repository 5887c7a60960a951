package org.councilbot.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.councilbot.core.CouncilbotException;
import org.councilbot.core.KnowledgeQuery;
import org.councilbot.core.KnowledgeRetriever;
import org.councilbot.core.Passage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rebuilds reuse the vectors of unchanged chunks; counted on a fake embedding model. */
class ChunkVectorReuseTest {
    private static final String GARDEN_WASTE = "https://www.eastbrook.gov.uk/bins/garden-waste";
    private static final String NOISE = "https://www.eastbrook.gov.uk/environment/noise-complaints";

    @TempDir
    Path work;

    private final CountingEmbedder embedder = new CountingEmbedder("counting-v1");
    private final KnowledgeIndexer indexer = KnowledgeIndexer.create(IndexSettings.defaults(), embedder);
    private Path corpus;
    private Path indexRoot;

    @BeforeEach
    void copyCorpus() throws IOException {
        corpus = TestCorpus.copyTo(work.resolve("corpus"));
        indexRoot = work.resolve("index");
    }

    @Test
    void embeds_every_chunk_on_a_first_build() {
        // when
        IndexBuildReport report = indexer.build(corpus, indexRoot);

        // then
        assertThat(report.embedded()).isEqualTo(report.chunks());
        assertThat(embedder.embedded()).hasSize(report.chunks());
    }

    @Test
    void embeds_nothing_when_rebuilding_an_unchanged_corpus() {
        // given
        IndexBuildReport first = indexer.build(corpus, indexRoot);
        embedder.forget();

        // when
        IndexBuildReport rebuilt = indexer.build(corpus, indexRoot);

        // then
        assertThat(embedder.embedded()).isEmpty();
        assertThat(rebuilt.embedded()).isZero();
        assertThat(rebuilt.chunks()).isEqualTo(first.chunks());
        try (LuceneKnowledgeIndex index = LuceneKnowledgeIndex.open(indexRoot, embedder)) {
            List<Passage> passages = index.retrievers().get("vector")
                    .retrieve(KnowledgeQuery.of("garden waste subscription renew green bin", 3));
            assertThat(passages).isNotEmpty();
            assertThat(passages.get(0).url()).isEqualTo(GARDEN_WASTE);
        }
    }

    @Test
    void embeds_again_only_the_chunks_of_a_page_that_changed() throws IOException {
        // given
        IndexBuildReport first = indexer.build(corpus, indexRoot);
        embedder.forget();
        Path page = corpus.resolve("waste/garden-waste.md");
        Files.writeString(page, Files.readString(page).replace("| First green bin | £52 |", "| First green bin | £55 |"));

        // when
        IndexBuildReport rebuilt = indexer.build(corpus, indexRoot);

        // then only the price table's chunk is embedded again
        assertThat(embedder.embedded()).singleElement().satisfies(text -> assertThat(text)
                .startsWith("Garden waste collection Prices").contains("£55").doesNotContain("£52"));
        assertThat(rebuilt.embedded()).isEqualTo(1);
        assertThat(rebuilt.chunks()).isEqualTo(first.chunks());
    }

    @Test
    void embeds_again_every_chunk_of_a_page_whose_title_changed() throws IOException {
        // given
        indexer.build(corpus, indexRoot);
        int gardenChunks;
        try (LuceneKnowledgeIndex index = LuceneKnowledgeIndex.open(indexRoot, embedder)) {
            gardenChunks = index.pagePassages(GARDEN_WASTE).size();
        }
        embedder.forget();
        Path page = corpus.resolve("waste/garden-waste.md");
        Files.writeString(page, Files.readString(page).replace("title: Garden waste collection", "title: Green bins"));

        // when
        indexer.build(corpus, indexRoot);

        // then the title goes into every chunk's embedded text
        assertThat(embedder.embedded()).hasSize(gardenChunks).allSatisfy(text -> assertThat(text).startsWith("Green bins"));
    }

    @Test
    void forgets_a_removed_page_in_every_ranking() throws IOException {
        // given
        indexer.build(corpus, indexRoot);
        Files.delete(corpus.resolve("noise-complaints.md"));

        // when
        IndexBuildReport rebuilt = indexer.build(corpus, indexRoot);

        // then
        assertThat(rebuilt.pages()).isEqualTo(TestCorpus.PAGES - 1);
        try (LuceneKnowledgeIndex index = LuceneKnowledgeIndex.open(indexRoot, embedder)) {
            for (KnowledgeRetriever retriever : index.retrievers().values()) {
                assertThat(retriever.retrieve(KnowledgeQuery.of("noise complaint barking dog loud music", 10)))
                        .as(retriever.name()).extracting(Passage::url).doesNotContain(NOISE);
            }
            assertThat(index.pagePassages(NOISE)).isEmpty();
        }
    }

    @Test
    void embeds_everything_again_for_another_model() {
        // given
        IndexBuildReport first = indexer.build(corpus, indexRoot);
        CountingEmbedder other = new CountingEmbedder("counting-v2");

        // when
        IndexBuildReport rebuilt = KnowledgeIndexer.create(IndexSettings.defaults(), other).build(corpus, indexRoot);

        // then
        assertThat(rebuilt.embedded()).isEqualTo(first.chunks());
        assertThat(other.embedded()).hasSize(first.chunks());
    }

    @Test
    void refuses_to_open_an_index_whose_vectors_come_from_another_model() {
        // given
        indexer.build(corpus, indexRoot);

        // then
        assertThatThrownBy(() -> LuceneKnowledgeIndex.open(indexRoot, new CountingEmbedder("counting-v2")))
                .isInstanceOfSatisfying(CouncilbotException.class, e -> assertThat(e.code()).isEqualTo("index_incompatible"))
                .hasMessageContaining("counting-v1").hasMessageContaining("counting-v2")
                .hasMessageContaining("./councilbot index --corpus DIR");
    }

    @Test
    void keeps_serving_the_old_generation_when_the_new_one_has_another_model() {
        // given
        indexer.build(corpus, indexRoot);
        try (LuceneKnowledgeIndex index = LuceneKnowledgeIndex.open(indexRoot, embedder)) {
            String serving = index.generation();
            KnowledgeIndexer.create(IndexSettings.defaults(), new CountingEmbedder("counting-v2")).build(corpus, indexRoot);

            // when
            assertThatThrownBy(index::refresh)
                    .isInstanceOfSatisfying(CouncilbotException.class, e -> assertThat(e.code()).isEqualTo("index_incompatible"));

            // then
            assertThat(index.generation()).isEqualTo(serving);
            assertThat(index.retrieve(KnowledgeQuery.of("garden waste prices", 3))).isNotEmpty();
        }
    }
}

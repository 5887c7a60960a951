package org.councilbot.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.councilbot.core.CouncilbotException;

/**
 * Builds a knowledge index from a corpus directory into a new generation under an index root,
 * then points the root at it.
 *
 * <p>Unusable files are skipped with a logged reason and the rest is indexed. A build that fails
 * (missing corpus, no usable page, disk full...) leaves the current generation serving as before.
 *
 * <p>Each chunk is stored with its embedding. A chunk whose embedded text (title, headings and
 * text) is the same as in the generation being replaced keeps its vector from there, so a rebuild
 * after a small edit embeds only the chunks of the pages that changed.
 */
public final class KnowledgeIndexer {
    private static final System.Logger LOG = System.getLogger(KnowledgeIndexer.class.getName());

    private final IndexSettings settings;
    private final Embedder embedder;
    private final LongSupplier ticker;
    private final CorpusReader reader = new CorpusReader();

    private KnowledgeIndexer(IndexSettings settings, Embedder embedder, LongSupplier ticker) {
        this.settings = settings;
        this.embedder = embedder;
        this.ticker = ticker;
    }

    /** An indexer that embeds chunks with the in-process all-MiniLM-L6-v2 model (loaded now, once per JVM). */
    public static KnowledgeIndexer create(IndexSettings settings) {
        return create(settings, new MiniLmEmbedder());
    }

    static KnowledgeIndexer create(IndexSettings settings, Embedder embedder) {
        return create(settings, embedder, System::nanoTime);
    }

    /** An indexer whose progress lines are timed by {@code ticker} (nanoseconds), for tests. */
    static KnowledgeIndexer create(IndexSettings settings, Embedder embedder, LongSupplier ticker) {
        return new KnowledgeIndexer(Objects.requireNonNull(settings, "settings"),
                Objects.requireNonNull(embedder, "embedder"), Objects.requireNonNull(ticker, "ticker"));
    }

    /**
     * Indexes every usable page under {@code corpusDir} and publishes the result in {@code indexRoot},
     * logging progress lines.
     *
     * @throws CouncilbotException {@code corpus_missing} when the directory does not exist,
     *                             {@code corpus_empty} when no file in it could be indexed,
     *                             {@code index_build_failed} when the index cannot be written
     */
    public IndexBuildReport build(Path corpusDir, Path indexRoot) {
        return build(corpusDir, indexRoot, line -> LOG.log(System.Logger.Level.INFO, line));
    }

    /**
     * Like {@link #build(Path, Path)}, with progress lines (pages done of the total, rate, time left)
     * handed to {@code progress}, e.g. a console.
     */
    public IndexBuildReport build(Path corpusDir, Path indexRoot, Consumer<String> progress) {
        Objects.requireNonNull(corpusDir, "corpusDir");
        Objects.requireNonNull(indexRoot, "indexRoot");
        Objects.requireNonNull(progress, "progress");
        long started = System.nanoTime();
        if (!Files.isDirectory(corpusDir)) {
            throw new CouncilbotException("corpus_missing", "Corpus directory " + corpusDir.toAbsolutePath()
                    + " does not exist or is not a directory; pass --corpus DIR with the council's pages");
        }
        IndexGenerations generations = new IndexGenerations(indexRoot);
        try {
            IndexGenerations.BuildLock lock = generations.lockForBuild();
            try {
                return buildLocked(corpusDir, generations, started, progress);
            } finally {
                lock.close();
            }
        } catch (IOException | UncheckedIOException e) {
            throw new CouncilbotException("index_build_failed", "Could not build the knowledge index in "
                    + indexRoot.toAbsolutePath() + " (" + e.getMessage() + "); the current index is unchanged", e);
        }
    }

    private IndexBuildReport buildLocked(Path corpusDir, IndexGenerations generations, long started,
                                         Consumer<String> progress) throws IOException {
        CorpusReader.Corpus corpus = reader.scan(corpusDir);
        Optional<String> previous = previous(generations);
        EarlierVectors earlier = previous
                .map(name -> EarlierVectors.of(generations.directory(name), embedder.model()))
                .orElseGet(EarlierVectors::none);
        String generation = generations.create();
        Counts counts;
        try {
            counts = write(corpus, generations.directory(generation), earlier, progress);
            generations.publish(generation);
        } catch (IOException | RuntimeException | Error e) {
            generations.discard(generation);
            throw e;
        }
        try {
            generations.prune(generation, previous);
        } catch (IOException e) {
            // The new index is live; old generations left behind only cost disk space.
            LOG.log(System.Logger.Level.WARNING, "Could not remove old index generations: " + e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        LOG.log(System.Logger.Level.INFO, "Built knowledge index " + generation + " in "
                + generations.root().toAbsolutePath() + ": " + counts.pages + " pages, " + counts.chunks
                + " chunks (" + counts.embedded + " embedded, " + (counts.chunks - counts.embedded) + " reused), "
                + counts.skipped.size() + " files skipped, " + took.toMillis() + " ms");
        return new IndexBuildReport(counts.pages, counts.chunks, counts.embedded, counts.skipped, took);
    }

    /** A damaged pointer must not block the rebuild that repairs it. */
    private static Optional<String> previous(IndexGenerations generations) {
        try {
            return generations.current();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Replacing an unreadable index pointer: " + e.getMessage());
            return Optional.empty();
        }
    }

    private Counts write(CorpusReader.Corpus corpus, Path generationDir, EarlierVectors earlier,
                         Consumer<String> progress) throws IOException {
        try (TextAnalysis analysis = new TextAnalysis();
             Directory directory = FSDirectory.open(generationDir);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analysis.analyzer())
                     .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                     .setCommitOnClose(false))) {
            ChunkEmbedder vectors = new ChunkEmbedder(embedder, earlier);
            PageWriter pages = new PageWriter(writer, analysis, new MarkdownChunker(settings.targetChunkChars()),
                    vectors, new CorpusProgress(corpus, new BuildProgress("Indexing", ticker, progress)));
            reader.read(corpus, pages);
            pages.flush();
            pages.counts.embedded = vectors.embedded();
            if (pages.counts.pages == 0) {
                throw new CouncilbotException("corpus_empty", "No usable page in " + corpus.root().toAbsolutePath()
                        + " (" + pages.counts.skipped.size() + " files skipped, see the log for reasons);"
                        + " the current index is unchanged");
            }
            writer.setLiveCommitData(Map.of(IndexSchema.EMBEDDING_MODEL, embedder.model()).entrySet());
            writer.commit();
            return pages.counts;
        }
    }

    /** Pages, chunks and skips counted during one build. */
    private static final class Counts {
        int pages;
        int chunks;
        int embedded;
        final List<SkippedFile> skipped = new ArrayList<>();
    }

    /** A page chunked and waiting for the vectors of its chunks. */
    private record PendingPage(SourcePage page, List<MarkdownChunker.PageChunk> chunks, List<String> texts) {
    }

    /**
     * Chunks each page the reader hands over and adds it to the index.
     *
     * <p>Pages wait until about {@value #EMBEDDING_BATCH} chunks need embedding, so the model works
     * on a batch in parallel rather than on one page's few chunks at a time.
     */
    private static final class PageWriter implements CorpusSink {
        static final int EMBEDDING_BATCH = 64;

        private final IndexWriter writer;
        private final TextAnalysis analysis;
        private final MarkdownChunker chunker;
        private final ChunkEmbedder embedder;
        private final CorpusProgress progress;
        private final Counts counts = new Counts();
        private final List<PendingPage> pending = new ArrayList<>();
        private int pendingChunks;

        PageWriter(IndexWriter writer, TextAnalysis analysis, MarkdownChunker chunker, ChunkEmbedder embedder,
                   CorpusProgress progress) {
            this.writer = writer;
            this.analysis = analysis;
            this.chunker = chunker;
            this.embedder = embedder;
            this.progress = progress;
        }

        @Override
        public void page(SourcePage page) {
            List<MarkdownChunker.PageChunk> chunks = chunker.chunk(page.title(), page.body());
            if (chunks.isEmpty()) {
                skipped(new SkippedFile(page.source(), "page " + page.url() + " has headings but no text"));
                return;
            }
            pending.add(new PendingPage(page, chunks, chunks.stream().map(EmbeddingText::of).toList()));
            pendingChunks += chunks.size();
            if (pendingChunks >= EMBEDDING_BATCH) {
                flush();
            }
        }

        /** Embeds what the waiting pages need and writes them. */
        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            List<PendingPage> batch = List.copyOf(pending);
            pending.clear();
            pendingChunks = 0;
            Map<String, float[]> vectors;
            try {
                vectors = embedder.vectors(batch.stream().flatMap(page -> page.texts().stream()).toList());
            } catch (IllegalArgumentException e) {
                // One text the model refuses must cost only its own page.
                batch.forEach(this::writeAlone);
                return;
            }
            for (PendingPage page : batch) {
                write(page, vectors);
            }
        }

        private void writeAlone(PendingPage page) {
            try {
                write(page, embedder.vectors(page.texts()));
            } catch (IllegalArgumentException e) {
                skipped(new SkippedFile(page.page().source(), "page " + page.page().url()
                        + " could not be embedded: " + e.getMessage()));
            }
        }

        private void write(PendingPage pending, Map<String, float[]> vectors) {
            try {
                add(pending, vectors);
            } catch (IllegalArgumentException e) {
                // Lucene refuses some documents (e.g. an immense term) without harming the writer.
                skipped(new SkippedFile(pending.page().source(), "page " + pending.page().url()
                        + " could not be indexed: " + e.getMessage()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void add(PendingPage pending, Map<String, float[]> vectors) throws IOException {
            SourcePage page = pending.page();
            List<MarkdownChunker.PageChunk> chunks = pending.chunks();
            List<Document> docs = new ArrayList<>();
            Set<String> pageTerms = new LinkedHashSet<>(analysis.terms(page.title()));
            List<String> emphasis = InlineMarkdown.emphasised(page.body());
            for (int i = 0; i < chunks.size(); i++) {
                MarkdownChunker.PageChunk chunk = chunks.get(i);
                String key = embedder.key(pending.texts().get(i));
                docs.add(IndexSchema.chunk(page, i + 1, chunk, vectors.get(key), key, emphasis));
                chunk.sectionPath().forEach(section -> pageTerms.addAll(analysis.terms(section)));
                pageTerms.addAll(analysis.terms(chunk.text()));
            }
            docs.add(IndexSchema.page(page, pageTerms));
            writer.addDocuments(docs);
            counts.pages++;
            counts.chunks += chunks.size();
        }

        @Override
        public void skipped(SkippedFile skipped) {
            LOG.log(System.Logger.Level.WARNING, "Skipped " + skipped.path() + ": " + skipped.reason());
            counts.skipped.add(skipped);
        }

        @Override
        public void progressed(long bytes) {
            // Pages waiting for their batch are done as far as a person watching the build is concerned.
            progress.advance(bytes, counts.pages + pending.size() + counts.skipped.size());
        }
    }

    /**
     * Counts the corpus's files and records as they are read. Every file but {@code corpus.jsonl} is
     * one page or one skip, so their count is the total; with a JSON Lines file, whose records are
     * not counted beforehand, the total is estimated from the share of the corpus's bytes read.
     */
    private static final class CorpusProgress {
        private final BuildProgress progress;
        private final long totalBytes;
        private final int files;
        private final boolean countable;
        private long doneBytes;

        CorpusProgress(CorpusReader.Corpus corpus, BuildProgress progress) {
            this.progress = progress;
            this.totalBytes = corpus.totalBytes();
            this.files = corpus.files().size() + corpus.unreadable().size();
            this.countable = corpus.files().stream()
                    .noneMatch(file -> file.getFileName().toString().equals(CorpusReader.JSON_LINES_NAME));
        }

        void advance(long bytes, long handled) {
            doneBytes += bytes;
            if (countable) {
                progress.update(handled, files);
            } else if (doneBytes > 0 && totalBytes > 0) {
                progress.updateEstimate(handled, Math.max(handled, Math.round(handled * (double) totalBytes / doneBytes)));
            }
        }
    }
}

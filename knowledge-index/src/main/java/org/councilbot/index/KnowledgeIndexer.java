package org.councilbot.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
 */
public final class KnowledgeIndexer {
    private static final System.Logger LOG = System.getLogger(KnowledgeIndexer.class.getName());

    private final IndexSettings settings;
    private final CorpusReader reader = new CorpusReader();

    private KnowledgeIndexer(IndexSettings settings) {
        this.settings = settings;
    }

    public static KnowledgeIndexer create(IndexSettings settings) {
        return new KnowledgeIndexer(Objects.requireNonNull(settings, "settings"));
    }

    /**
     * Indexes every usable page under {@code corpusDir} and publishes the result in {@code indexRoot}.
     *
     * @throws CouncilbotException {@code corpus_missing} when the directory does not exist,
     *                             {@code corpus_empty} when no file in it could be indexed,
     *                             {@code index_build_failed} when the index cannot be written
     */
    public IndexBuildReport build(Path corpusDir, Path indexRoot) {
        Objects.requireNonNull(corpusDir, "corpusDir");
        Objects.requireNonNull(indexRoot, "indexRoot");
        long started = System.nanoTime();
        if (!Files.isDirectory(corpusDir)) {
            throw new CouncilbotException("corpus_missing", "Corpus directory " + corpusDir.toAbsolutePath()
                    + " does not exist or is not a directory; pass --corpus DIR with the council's pages");
        }
        IndexGenerations generations = new IndexGenerations(indexRoot);
        try {
            IndexGenerations.BuildLock lock = generations.lockForBuild();
            try {
                return buildLocked(corpusDir, generations, started);
            } finally {
                lock.close();
            }
        } catch (IOException | UncheckedIOException e) {
            throw new CouncilbotException("index_build_failed", "Could not build the knowledge index in "
                    + indexRoot.toAbsolutePath() + " (" + e.getMessage() + "); the current index is unchanged", e);
        }
    }

    private IndexBuildReport buildLocked(Path corpusDir, IndexGenerations generations, long started) throws IOException {
        CorpusReader.Corpus corpus = reader.scan(corpusDir);
        Optional<String> previous = previous(generations);
        String generation = generations.create();
        Counts counts;
        try {
            counts = write(corpus, generations.directory(generation));
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
                + " chunks, " + counts.skipped.size() + " files skipped, " + took.toMillis() + " ms");
        return new IndexBuildReport(counts.pages, counts.chunks, counts.skipped, took);
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

    private Counts write(CorpusReader.Corpus corpus, Path generationDir) throws IOException {
        try (TextAnalysis analysis = new TextAnalysis();
             Directory directory = FSDirectory.open(generationDir);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analysis.analyzer())
                     .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                     .setCommitOnClose(false))) {
            PageWriter pages = new PageWriter(writer, analysis, new MarkdownChunker(settings.targetChunkChars()),
                    new BuildProgress(corpus.totalBytes()));
            reader.read(corpus, pages);
            if (pages.counts.pages == 0) {
                throw new CouncilbotException("corpus_empty", "No usable page in " + corpus.root().toAbsolutePath()
                        + " (" + pages.counts.skipped.size() + " files skipped, see the log for reasons);"
                        + " the current index is unchanged");
            }
            writer.commit();
            return pages.counts;
        }
    }

    /** Pages, chunks and skips counted during one build. */
    private static final class Counts {
        int pages;
        int chunks;
        final List<SkippedFile> skipped = new ArrayList<>();
    }

    /** Chunks each page the reader hands over and adds it to the index. */
    private static final class PageWriter implements CorpusSink {
        private final IndexWriter writer;
        private final TextAnalysis analysis;
        private final MarkdownChunker chunker;
        private final BuildProgress progress;
        private final Counts counts = new Counts();

        PageWriter(IndexWriter writer, TextAnalysis analysis, MarkdownChunker chunker, BuildProgress progress) {
            this.writer = writer;
            this.analysis = analysis;
            this.chunker = chunker;
            this.progress = progress;
        }

        @Override
        public void page(SourcePage page) {
            try {
                add(page);
            } catch (IllegalArgumentException e) {
                // Lucene refuses some documents (e.g. an immense term) without harming the writer.
                skipped(new SkippedFile(page.source(), "page " + page.url() + " could not be indexed: " + e.getMessage()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void add(SourcePage page) throws IOException {
            List<MarkdownChunker.PageChunk> chunks = chunker.chunk(page.title(), page.body());
            if (chunks.isEmpty()) {
                skipped(new SkippedFile(page.source(), "page " + page.url() + " has headings but no text"));
                return;
            }
            List<Document> docs = new ArrayList<>();
            Set<String> pageTerms = new LinkedHashSet<>(analysis.terms(page.title()));
            for (int i = 0; i < chunks.size(); i++) {
                MarkdownChunker.PageChunk chunk = chunks.get(i);
                docs.add(IndexSchema.chunk(page, i + 1, chunk));
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
            progress.advance(bytes, counts.pages, counts.chunks);
        }
    }
}

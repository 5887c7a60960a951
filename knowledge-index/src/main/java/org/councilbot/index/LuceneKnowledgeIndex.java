package org.councilbot.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.councilbot.core.CouncilbotException;
import org.councilbot.core.KnowledgeQuery;
import org.councilbot.core.KnowledgeRetriever;
import org.councilbot.core.Passage;

/**
 * Retrieval over an index built by {@link KnowledgeIndexer}: BM25, chunk vectors, or both fused.
 *
 * <p>Questions are expanded before searching: a word no page contains is corrected to the closest
 * indexed word, and the council's synonyms ("ctax", "tip") add the words its pages use. Both
 * count towards a passage's coverage; conversational filler weighs little in ranking. The
 * question is also embedded with the model the index was built with, to find chunks that say the
 * same thing in other words ("dump my old sofa" and "bulky waste collection").
 *
 * <p>{@link #retrieve} ranks the way {@link #name()} says; {@link #retrievers()} offers every way,
 * over the same generations, for comparing them side by side.
 *
 * <p>Queries always run on one complete generation. When a build publishes a new one, this index
 * switches on {@link #refresh()} or by itself on the first query after its next pointer check
 * (at most once a second); queries already running finish on the old generation, which is closed
 * when the last of them is done. Thread-safe.
 */
public final class LuceneKnowledgeIndex implements KnowledgeRetriever, AutoCloseable {
    static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(1);
    /** How {@link #retrieve} ranks. */
    static final RetrievalMode DEFAULT_MODE = RetrievalMode.HYBRID;
    private static final System.Logger LOG = System.getLogger(LuceneKnowledgeIndex.class.getName());

    private final IndexGenerations generations;
    private final TextAnalysis analysis = new TextAnalysis();
    private final Embedder embedder;
    private final PassageSearch search;
    private final Map<String, KnowledgeRetriever> retrievers;
    private final long checkIntervalNanos;
    private final LongSupplier nanoTime;
    private final AtomicLong nextCheck;
    private final ReentrantLock switching = new ReentrantLock();
    /** Null once closed; never leaves this class. */
    private final AtomicReference<Generation> current;

    private LuceneKnowledgeIndex(IndexGenerations generations, Generation first, Synonyms synonyms, Embedder embedder,
                                 Duration checkInterval, LongSupplier nanoTime) {
        this.generations = generations;
        this.embedder = embedder;
        this.search = new PassageSearch(new QueryExpander(analysis, synonyms), analysis);
        Map<String, KnowledgeRetriever> byName = new LinkedHashMap<>();
        for (RetrievalMode mode : RetrievalMode.values()) {
            byName.put(mode.label(), new IndexRetriever(this, mode));
        }
        this.retrievers = Collections.unmodifiableMap(byName);
        this.current = new AtomicReference<>(first);
        this.checkIntervalNanos = checkInterval.toNanos();
        this.nanoTime = nanoTime;
        this.nextCheck = new AtomicLong(nanoTime.getAsLong() + checkIntervalNanos);
    }

    /**
     * Opens the current generation under an index root, with the in-process all-MiniLM-L6-v2 model
     * for question vectors (loaded now, once per JVM).
     *
     * @throws CouncilbotException {@code index_missing} when no index has been built there yet,
     *                             {@code index_incompatible} when its vectors come from another model
     */
    public static LuceneKnowledgeIndex open(Path indexRoot) {
        return open(indexRoot, DEFAULT_CHECK_INTERVAL, System::nanoTime);
    }

    /**
     * Opens the current generation under an index root, expanding questions with a council's own
     * synonyms instead of the default list. The file is read now, so a mistake in it fails here
     * rather than on a resident's question; editing it needs a restart, not a re-index.
     *
     * @param synonymsFile rules in the Solr synonyms format ({@code bin, rubbish, refuse} or
     *                     {@code ctax => council tax}); to keep the default rules, start from a
     *                     copy of {@code org/councilbot/index/council-synonyms.txt}
     * @throws CouncilbotException {@code synonyms_invalid} naming the file and the line of a
     *                             malformed rule, {@code index_missing} as {@link #open(Path)}
     */
    public static LuceneKnowledgeIndex open(Path indexRoot, Path synonymsFile) {
        Objects.requireNonNull(synonymsFile, "synonymsFile");
        return open(indexRoot, analysis -> Synonyms.load(synonymsFile, analysis), new MiniLmEmbedder(),
                DEFAULT_CHECK_INTERVAL, System::nanoTime);
    }

    static LuceneKnowledgeIndex open(Path indexRoot, Duration checkInterval, LongSupplier nanoTime) {
        return open(indexRoot, Synonyms::defaults, new MiniLmEmbedder(), checkInterval, nanoTime);
    }

    static LuceneKnowledgeIndex open(Path indexRoot, Embedder embedder) {
        return open(indexRoot, Synonyms::defaults, embedder, DEFAULT_CHECK_INTERVAL, System::nanoTime);
    }

    private static LuceneKnowledgeIndex open(Path indexRoot, Function<TextAnalysis, Synonyms> synonymsSource,
                                             Embedder embedder, Duration checkInterval, LongSupplier nanoTime) {
        Objects.requireNonNull(indexRoot, "indexRoot");
        if (checkInterval.isNegative()) {
            throw new IllegalArgumentException("checkInterval must not be negative, was " + checkInterval);
        }
        Synonyms synonyms;
        try (TextAnalysis analysis = new TextAnalysis()) {
            synonyms = synonymsSource.apply(analysis);
        }
        IndexGenerations generations = new IndexGenerations(indexRoot);
        String name = pointed(generations).orElseThrow(() -> new CouncilbotException("index_missing",
                "No knowledge index in " + indexRoot.toAbsolutePath()
                        + "; build one with ./councilbot index --corpus DIR"));
        Generation first;
        try {
            first = Generation.open(name, generations.directory(name));
        } catch (IOException e) {
            throw new CouncilbotException("index_missing", "The knowledge index in " + indexRoot.toAbsolutePath()
                    + " cannot be opened (" + e.getMessage() + "); rebuild it with ./councilbot index --corpus DIR", e);
        }
        try {
            checkEmbeddingModel(first, embedder, generations);
            return new LuceneKnowledgeIndex(generations, first, synonyms, embedder, checkInterval, nanoTime);
        } catch (RuntimeException e) {
            first.release();
            throw e;
        }
    }

    /** Passages ranked the way {@link #name()} says. */
    @Override
    public List<Passage> retrieve(KnowledgeQuery query) {
        return search(DEFAULT_MODE, query);
    }

    /**
     * Every way this index can rank, by {@link KnowledgeRetriever#name()}: {@code bm25},
     * {@code vector} and {@code hybrid}. All share this index's generations and close with it.
     */
    public Map<String, KnowledgeRetriever> retrievers() {
        return retrievers;
    }

    List<Passage> search(RetrievalMode mode, KnowledgeQuery query) {
        Objects.requireNonNull(query, "query");
        checkPointerWhenDue();
        Generation generation = acquire();
        try {
            // Embedded on this thread: the model already uses both cores of a small server for one question.
            return search.search(mode, generation.searcher(), query, () -> embedder.embed(query.text()));
        } catch (IOException e) {
            throw new CouncilbotException("index_read_failed",
                    "The knowledge index could not be read (" + e.getMessage() + ")", e);
        } finally {
            generation.release();
        }
    }

    @Override
    public List<Passage> pagePassages(String url) {
        Objects.requireNonNull(url, "url");
        checkPointerWhenDue();
        Generation generation = acquire();
        try {
            return search.pagePassages(generation.searcher(), url);
        } catch (IOException e) {
            throw new CouncilbotException("index_read_failed",
                    "The knowledge index could not be read (" + e.getMessage() + ")", e);
        } finally {
            generation.release();
        }
    }

    @Override
    public String name() {
        return DEFAULT_MODE.label();
    }

    /**
     * Switches to the generation the pointer names, if it changed.
     *
     * @return true when a newer generation is now serving queries
     * @throws CouncilbotException when the pointer or the generation it names cannot be read; the
     *                             index keeps serving the generation it had
     */
    public boolean refresh() {
        try {
            return switchIfChanged();
        } catch (IOException | UncheckedIOException e) {
            throw new CouncilbotException("index_refresh_failed", "Could not switch to the new knowledge index in "
                    + generations.root().toAbsolutePath() + " (" + e.getMessage() + "); still serving the previous one", e);
        }
    }

    /** The generation serving queries now, e.g. {@code gen-000003}. */
    String generation() {
        Generation generation = acquire();
        try {
            return generation.name();
        } finally {
            generation.release();
        }
    }

    @Override
    public void close() {
        switching.lock();
        try {
            Generation last = current.getAndSet(null);
            if (last != null) {
                last.release();
                analysis.close();
            }
        } finally {
            switching.unlock();
        }
    }

    private Generation acquire() {
        while (true) {
            Generation generation = current.get();
            if (generation == null) {
                throw new CouncilbotException("index_closed", "The knowledge index has been closed");
            }
            if (generation.tryAcquire()) {
                return generation;
            }
        }
    }

    /** A cheap, rate-limited look at the pointer; one query per interval pays for it. */
    private void checkPointerWhenDue() {
        long due = nextCheck.get();
        long now = nanoTime.getAsLong();
        if (now - due < 0 || !nextCheck.compareAndSet(due, now + checkIntervalNanos)) {
            return;
        }
        try {
            switchIfChanged();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not switch to the new knowledge index in "
                    + generations.root().toAbsolutePath() + "; still serving the previous one: " + e);
        }
    }

    private boolean switchIfChanged() throws IOException {
        switching.lock();
        try {
            Generation active = current.get();
            if (active == null) {
                throw new CouncilbotException("index_closed", "The knowledge index has been closed");
            }
            Optional<String> pointed = generations.current();
            if (pointed.isEmpty() || pointed.get().equals(active.name())) {
                return false;
            }
            Generation next = Generation.open(pointed.get(), generations.directory(pointed.get()));
            try {
                checkEmbeddingModel(next, embedder, generations);
            } catch (RuntimeException e) {
                next.release();
                throw e;
            }
            current.set(next);
            active.release();
            LOG.log(System.Logger.Level.INFO, "Knowledge index switched from " + active.name() + " to " + next.name());
            return true;
        } finally {
            switching.unlock();
        }
    }

    /** Question vectors are only comparable with chunk vectors from the same model. */
    private static void checkEmbeddingModel(Generation generation, Embedder embedder, IndexGenerations generations) {
        String built = generation.embeddingModel().orElse("no embedding model");
        if (!built.equals(embedder.model())) {
            throw new CouncilbotException("index_incompatible", "The knowledge index " + generation.name() + " in "
                    + generations.root().toAbsolutePath() + " holds vectors of " + built + ", but questions are embedded with "
                    + embedder.model() + "; rebuild it with ./councilbot index --corpus DIR");
        }
    }

    private static Optional<String> pointed(IndexGenerations generations) {
        try {
            return generations.current();
        } catch (IOException e) {
            throw new CouncilbotException("index_missing", e.getMessage() + "; rebuild it with ./councilbot index --corpus DIR", e);
        }
    }
}

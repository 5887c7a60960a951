package org.councilbot.index;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.DocumentSplitter;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingStoreIngestor;
import dev.langchain4j.store.embedding.filter.MetadataFilterBuilder;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.councilbot.core.CouncilbotException;
import org.councilbot.core.KnowledgeQuery;
import org.councilbot.core.KnowledgeRetriever;
import org.councilbot.core.Passage;

/**
 * The baseline a Java developer gets from LangChain4j's defaults, kept to measure the index
 * against: whole pages as {@link Document}s, split by {@code DocumentSplitters.recursive(500, 50)},
 * embedded by {@link EmbeddingStoreIngestor} with LangChain4j's own
 * {@link AllMiniLmL6V2EmbeddingModel} (the model the index uses), held in an
 * {@link InMemoryEmbeddingStore} and searched by cosine similarity, top k. No BM25, synonyms,
 * spelling correction, headings or per-page cap.
 *
 * <p>The splitter sizes are the best of those LangChain4j's examples and users commonly choose,
 * measured on the demo suite (nDCG@10): 300/0 characters 0.879, 300/30 0.878, Easy RAG's 300/30
 * tokens 0.883, 1000/200 characters 0.896, 500/50 characters 0.911. The baseline should be as
 * strong as an ordinary setup gets.
 *
 * <p>Pages are read exactly as the index reads them (Markdown front matter, JSON Lines...), each
 * Document being the page's title and text, with url, title and service as metadata; the
 * service-area filter is LangChain4j's metadata filter. A passage's coverage is the match's
 * relevance score ((cosine + 1) / 2): this retriever has no lexical measure of coverage.
 * Thread-safe once built.
 */
public final class NaiveRetriever implements KnowledgeRetriever {
    static final int SEGMENT_CHARS = 500;
    static final int OVERLAP_CHARS = 50;
    private static final System.Logger LOG = System.getLogger(NaiveRetriever.class.getName());

    private final EmbeddingModel model;
    private final InMemoryEmbeddingStore<TextSegment> store;

    private NaiveRetriever(EmbeddingModel model, InMemoryEmbeddingStore<TextSegment> store) {
        this.model = model;
        this.store = store;
    }

    /**
     * Reads, splits and embeds every usable page under {@code corpusDir}; unusable files are
     * skipped with a logged reason, as by {@link KnowledgeIndexer}.
     *
     * @throws CouncilbotException {@code corpus_missing} when the directory does not exist,
     *                             {@code corpus_empty} when no file in it could be read
     */
    public static NaiveRetriever build(Path corpusDir) {
        return build(corpusDir, new AllMiniLmL6V2EmbeddingModel(),
                DocumentSplitters.recursive(SEGMENT_CHARS, OVERLAP_CHARS));
    }

    static NaiveRetriever build(Path corpusDir, EmbeddingModel model, DocumentSplitter splitter) {
        Objects.requireNonNull(corpusDir, "corpusDir");
        List<Document> documents = documents(corpusDir);
        InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        EmbeddingStoreIngestor.builder()
                .documentSplitter(splitter)
                .embeddingModel(model)
                .embeddingStore(store)
                .build()
                .ingest(documents);
        return new NaiveRetriever(model, store);
    }

    @Override
    public List<Passage> retrieve(KnowledgeQuery query) {
        Objects.requireNonNull(query, "query");
        if (query.text().isBlank()) {
            return List.of();
        }
        Embedding question = model.embed(query.text()).content();
        EmbeddingSearchRequest.EmbeddingSearchRequestBuilder request = EmbeddingSearchRequest.builder()
                .queryEmbedding(question)
                .maxResults(query.limit());
        if (!query.services().isEmpty()) {
            request.filter(MetadataFilterBuilder.metadataKey("service")
                    .isIn(query.services().stream().map(s -> s.toLowerCase(Locale.ROOT)).toList()));
        }
        List<Passage> passages = new ArrayList<>();
        for (EmbeddingMatch<TextSegment> match : store.search(request.build()).matches()) {
            Metadata metadata = match.embedded().metadata();
            String url = metadata.getString("url");
            String title = metadata.getString("title");
            double relevance = Math.max(0, Math.min(1, match.score()));
            passages.add(new Passage(url + "#" + metadata.getString("index"), url, title, List.of(title),
                    metadata.getString("service"), match.embedded().text(), match.score(), relevance));
        }
        return passages;
    }

    @Override
    public String name() {
        return "naive";
    }

    private static List<Document> documents(Path corpusDir) {
        if (!Files.isDirectory(corpusDir)) {
            throw new CouncilbotException("corpus_missing", "Corpus directory " + corpusDir.toAbsolutePath()
                    + " does not exist or is not a directory");
        }
        CorpusReader reader = new CorpusReader();
        List<Document> documents = new ArrayList<>();
        try {
            reader.read(reader.scan(corpusDir), new CorpusSink() {
                @Override
                public void page(SourcePage page) {
                    Metadata metadata = new Metadata()
                            .put("url", page.url())
                            .put("title", page.title())
                            .put("service", page.service());
                    documents.add(Document.from(page.title() + "\n\n" + page.body(), metadata));
                }

                @Override
                public void skipped(SkippedFile skipped) {
                    LOG.log(System.Logger.Level.WARNING, "Skipped " + skipped.path() + ": " + skipped.reason());
                }

                @Override
                public void progressed(long bytes) {
                    // A baseline for evaluations: no progress to show.
                }
            });
        } catch (IOException e) {
            throw new CouncilbotException("corpus_missing", "Cannot read corpus directory "
                    + corpusDir.toAbsolutePath() + " (" + e.getMessage() + ")", e);
        }
        if (documents.isEmpty()) {
            throw new CouncilbotException("corpus_empty", "No usable page in " + corpusDir.toAbsolutePath());
        }
        return documents;
    }
}

package org.councilbot.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.councilbot.core.Passage;

/**
 * The fields of the index and how chunks and pages become Lucene documents and back.
 *
 * <p>Each chunk is one document, searched with BM25 and, through its embedding, by nearest
 * neighbours (HNSW, dot product of unit vectors, which is their cosine). Each page also gets one
 * document indexing its distinct analyzed terms: their document frequencies weigh query terms for
 * coverage, and whether the page document matches a term tells whether a passage's whole page
 * mentions it. Page documents have no vector, so a vector search only ever finds chunks.
 *
 * <p>The commit of a generation records the embedding model its vectors come from
 * ({@value #EMBEDDING_MODEL}): question vectors from another model would be meaningless against them.
 */
final class IndexSchema {
    static final String ID = "id";
    static final String URL = "url";
    /** Where a passage is cited: the page url, or for a PDF the url opened at the passage's page. */
    static final String CITATION_URL = "citation_url";
    static final String TITLE = "title";
    static final String HEADINGS = "headings";
    static final String BODY = "body";
    static final String SECTION = "section";
    /** Bold phrases of the page that this chunk's text says. */
    static final String EMPHASIS = "emphasis";
    static final String SERVICE = "service";
    static final String UPDATED = "updated";
    static final String HASH = "hash";
    static final String VECTOR = "vector";
    /** {@link EmbeddingText#key} of the text the vector was made from, to reuse it in the next build. */
    static final String VECTOR_KEY = "vector_key";

    /** Commit user data: the {@link Embedder#model()} of the generation's vectors. */
    static final String EMBEDDING_MODEL = "embedding-model";
    static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;

    static final String PAGE_URL = "page_url";
    static final String PAGE_TERM = "page_term";

    private IndexSchema() {
    }

    /** A chunk and its embedding, made from the text whose {@link EmbeddingText#key} is {@code vectorKey}. */
    static Document chunk(SourcePage page, int ordinal, MarkdownChunker.PageChunk chunk, float[] vector,
                          String vectorKey, List<String> pageEmphasis) {
        Document doc = new Document();
        doc.add(new StringField(ID, page.url() + "#" + ordinal, Field.Store.YES));
        doc.add(new StringField(URL, page.url(), Field.Store.YES));
        String citation = page.citationUrl(chunk.sectionPath());
        if (!citation.equals(page.url())) {
            doc.add(new StoredField(CITATION_URL, citation));
        }
        doc.add(new TextField(TITLE, page.title(), Field.Store.YES));
        List<String> headings = chunk.sectionPath().subList(1, chunk.sectionPath().size());
        if (!headings.isEmpty()) {
            doc.add(new TextField(HEADINGS, String.join("\n", headings), Field.Store.NO));
        }
        doc.add(new TextField(BODY, chunk.text(), Field.Store.YES));
        for (String section : chunk.sectionPath()) {
            doc.add(new StoredField(SECTION, section));
        }
        for (String phrase : pageEmphasis) {
            if (chunk.text().contains(phrase)) {
                doc.add(new StoredField(EMPHASIS, phrase));
            }
        }
        doc.add(new StringField(SERVICE, page.service(), Field.Store.YES));
        page.updated().ifPresent(date -> doc.add(new StoredField(UPDATED, date.toString())));
        doc.add(new StoredField(HASH, contentHash(chunk)));
        doc.add(new KnnFloatVectorField(VECTOR, vector, SIMILARITY));
        doc.add(new StoredField(VECTOR_KEY, vectorKey));
        return doc;
    }

    static Document page(SourcePage page, Collection<String> terms) {
        Document doc = new Document();
        doc.add(new StringField(PAGE_URL, page.url(), Field.Store.NO));
        for (String term : terms) {
            doc.add(new StringField(PAGE_TERM, term, Field.Store.NO));
        }
        return doc;
    }

    /** Chunks of any of these service areas; empty when there is nothing to restrict. */
    static Optional<Query> servicesFilter(Set<String> services) {
        if (services.isEmpty()) {
            return Optional.empty();
        }
        List<BytesRef> wanted = services.stream().map(service -> new BytesRef(service.toLowerCase(Locale.ROOT))).toList();
        return Optional.of(new TermInSetQuery(SERVICE, wanted));
    }

    static Passage passage(Document doc, double score, double coverage) {
        return passage(doc, score, coverage, false);
    }

    static Passage passage(Document doc, double score, double coverage, boolean corroborated) {
        List<String> sectionPath = new ArrayList<>();
        for (IndexableField field : doc.getFields(SECTION)) {
            sectionPath.add(field.stringValue());
        }
        List<String> emphasised = new ArrayList<>();
        for (IndexableField field : doc.getFields(EMPHASIS)) {
            emphasised.add(field.stringValue());
        }
        String url = doc.get(CITATION_URL) == null ? doc.get(URL) : doc.get(CITATION_URL);
        return new Passage(doc.get(ID), url, doc.get(TITLE), sectionPath, doc.get(SERVICE),
                doc.get(BODY), score, coverage, corroborated, emphasised);
    }

    /** SHA-256 of everything a chunk contributes (section path and text), to spot unchanged chunks. */
    static String contentHash(MarkdownChunker.PageChunk chunk) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String section : chunk.sectionPath()) {
                sha.update(section.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            sha.update((byte) '\n');
            sha.update(chunk.text().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}

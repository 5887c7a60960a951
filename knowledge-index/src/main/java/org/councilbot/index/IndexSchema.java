package org.councilbot.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.councilbot.core.Passage;

/**
 * The fields of the index and how chunks and pages become Lucene documents and back.
 *
 * <p>Each chunk is one document, searched with BM25. Each page also gets one document holding
 * its distinct analyzed terms: their document frequencies weigh query terms for coverage, and
 * the stored set tells whether a passage's whole page mentions a term.
 */
final class IndexSchema {
    static final String ID = "id";
    static final String URL = "url";
    static final String TITLE = "title";
    static final String HEADINGS = "headings";
    static final String BODY = "body";
    static final String SECTION = "section";
    static final String SERVICE = "service";
    static final String UPDATED = "updated";
    static final String HASH = "hash";

    static final String PAGE_URL = "page_url";
    static final String PAGE_TERM = "page_term";
    static final String PAGE_TERMS = "page_terms";

    private IndexSchema() {
    }

    static Document chunk(SourcePage page, int ordinal, MarkdownChunker.PageChunk chunk) {
        Document doc = new Document();
        doc.add(new StringField(ID, page.url() + "#" + ordinal, Field.Store.YES));
        doc.add(new StringField(URL, page.url(), Field.Store.YES));
        doc.add(new TextField(TITLE, page.title(), Field.Store.YES));
        List<String> headings = chunk.sectionPath().subList(1, chunk.sectionPath().size());
        if (!headings.isEmpty()) {
            doc.add(new TextField(HEADINGS, String.join("\n", headings), Field.Store.NO));
        }
        doc.add(new TextField(BODY, chunk.text(), Field.Store.YES));
        for (String section : chunk.sectionPath()) {
            doc.add(new StoredField(SECTION, section));
        }
        doc.add(new StringField(SERVICE, page.service(), Field.Store.YES));
        page.updated().ifPresent(date -> doc.add(new StoredField(UPDATED, date.toString())));
        doc.add(new StoredField(HASH, contentHash(chunk)));
        return doc;
    }

    static Document page(SourcePage page, Collection<String> terms) {
        Document doc = new Document();
        doc.add(new StringField(PAGE_URL, page.url(), Field.Store.NO));
        for (String term : terms) {
            doc.add(new StringField(PAGE_TERM, term, Field.Store.NO));
        }
        doc.add(new StoredField(PAGE_TERMS, String.join(" ", terms)));
        return doc;
    }

    static Set<String> pageTerms(Document pageDoc) {
        String terms = pageDoc.get(PAGE_TERMS);
        return terms == null || terms.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(terms.split(" ")));
    }

    static Passage passage(Document doc, double score, double coverage) {
        List<String> sectionPath = new ArrayList<>();
        for (IndexableField field : doc.getFields(SECTION)) {
            sectionPath.add(field.stringValue());
        }
        return new Passage(doc.get(ID), doc.get(URL), doc.get(TITLE), sectionPath, doc.get(SERVICE),
                doc.get(BODY), score, coverage);
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

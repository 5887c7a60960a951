package org.councilbot.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.councilbot.core.KnowledgeQuery;
import org.councilbot.core.Passage;

/** The fictional Eastbrook District Council pages under {@code src/test/resources/corpus}, and page writers. */
final class TestCorpus {
    static final int PAGES = 9;

    private TestCorpus() {
    }

    static Path resources() {
        try {
            return Path.of(TestCorpus.class.getResource("/corpus").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A writable copy of the test corpus, for tests that add bad files to it. */
    static Path copyTo(Path target) throws IOException {
        Path source = resources();
        try (Stream<Path> paths = Files.walk(source)) {
            paths.forEach(path -> {
                try {
                    Path copy = target.resolve(source.relativize(path).toString());
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(path, copy);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return target;
    }

    /** An in-memory index of page documents only, one per argument, holding its space-separated analyzed terms. */
    static Directory pageIndex(String... pageTerms) throws IOException {
        Directory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            for (int n = 0; n < pageTerms.length; n++) {
                SourcePage page = new SourcePage(Path.of("p" + n + ".md"), "https://x.gov.uk/" + n, "P" + n, "",
                        Optional.empty(), "text");
                writer.addDocument(IndexSchema.page(page, List.of(pageTerms[n].split(" "))));
            }
        }
        return directory;
    }

    static Path writePage(Path dir, String file, String title, String url, String service, String body) throws IOException {
        String text = "---\ntitle: " + title + "\nurl: " + url + "\nservice: " + service + "\nupdated: 2025-01-01\n---\n" + body;
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, text, StandardCharsets.UTF_8);
    }

    /** Indexes the pages written under {@code dir/corpus} and retrieves five passages for the question. */
    static List<Passage> indexAndRetrieve(Path dir, String question) throws IOException {
        KnowledgeIndexer.create(IndexSettings.defaults()).build(dir.resolve("corpus"), dir.resolve("index"));
        try (LuceneKnowledgeIndex index = LuceneKnowledgeIndex.open(dir.resolve("index"))) {
            return index.retrieve(KnowledgeQuery.of(question, 5));
        }
    }
}

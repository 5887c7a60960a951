package org.councilbot.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * One open, read-only index generation, reference-counted so a swap never closes it under a
 * query still running on it.
 *
 * <p>The owner holds one reference from {@link #open} until it lets go with {@link #release};
 * each query holds another for its duration. The last release closes the reader.
 */
final class Generation {
    private static final System.Logger LOG = System.getLogger(Generation.class.getName());

    private final String name;
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Optional<String> embeddingModel;
    private final AtomicInteger references = new AtomicInteger(1);

    private Generation(String name, Directory directory, DirectoryReader reader) throws IOException {
        this.name = name;
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.embeddingModel = Optional.ofNullable(reader.getIndexCommit().getUserData().get(IndexSchema.EMBEDDING_MODEL));
    }

    static Generation open(String name, Path path) throws IOException {
        Directory directory = FSDirectory.open(path);
        DirectoryReader reader = null;
        try {
            reader = DirectoryReader.open(directory);
            return new Generation(name, directory, reader);
        } catch (IOException | RuntimeException e) {
            try (directory) {
                if (reader != null) {
                    reader.close();
                }
            }
            throw e;
        }
    }

    String name() {
        return name;
    }

    IndexSearcher searcher() {
        return searcher;
    }

    /** The model the generation's chunk vectors were made with; empty for an index without vectors. */
    Optional<String> embeddingModel() {
        return embeddingModel;
    }

    /** Takes a reference; false once the generation has been fully released and closed. */
    boolean tryAcquire() {
        while (true) {
            int count = references.get();
            if (count <= 0) {
                return false;
            }
            if (references.compareAndSet(count, count + 1)) {
                return true;
            }
        }
    }

    void release() {
        if (references.decrementAndGet() == 0) {
            try (directory) {
                reader.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "Could not close index generation " + name + ": " + e);
            }
        }
    }
}

package org.councilbot.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The chunk vectors of the generation being replaced, by {@link EmbeddingText#key}, so that a
 * rebuild embeds only chunks whose embedded text changed.
 *
 * <p>Vectors of a generation built with another model are not offered: their keys could not match
 * anyway, as the key includes the model, but reading them would waste the time this saves.
 */
final class EarlierVectors {
    private static final System.Logger LOG = System.getLogger(EarlierVectors.class.getName());

    private final Map<String, float[]> byKey;

    private EarlierVectors(Map<String, float[]> byKey) {
        this.byKey = byKey;
    }

    static EarlierVectors none() {
        return new EarlierVectors(Map.of());
    }

    /**
     * Reads the vectors of a generation made by {@code model}. A generation that cannot be read
     * gives none, with a warning: the build then embeds everything, which is slower but correct.
     */
    static EarlierVectors of(Path generationDir, String model) {
        try (Directory directory = FSDirectory.open(generationDir);
             DirectoryReader reader = DirectoryReader.open(directory)) {
            String built = reader.getIndexCommit().getUserData().get(IndexSchema.EMBEDDING_MODEL);
            if (!model.equals(built)) {
                return none();
            }
            Map<String, float[]> byKey = new HashMap<>();
            for (LeafReaderContext leaf : reader.leaves()) {
                read(leaf.reader(), byKey);
            }
            return new EarlierVectors(byKey);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot reuse the vectors of " + generationDir
                    + "; every chunk will be embedded again: " + e);
            return none();
        }
    }

    Optional<float[]> get(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    int size() {
        return byKey.size();
    }

    private static void read(LeafReader reader, Map<String, float[]> byKey) throws IOException {
        FloatVectorValues vectors = reader.getFloatVectorValues(IndexSchema.VECTOR);
        if (vectors == null) {
            return;
        }
        StoredFields stored = reader.storedFields();
        Set<String> keyField = Set.of(IndexSchema.VECTOR_KEY);
        for (int ord = 0; ord < vectors.size(); ord++) {
            String key = stored.document(vectors.ordToDoc(ord), keyField).get(IndexSchema.VECTOR_KEY);
            if (key != null) {
                // The reader may reuse its buffer for the next vector.
                byKey.put(key, vectors.vectorValue(ord).clone());
            }
        }
    }
}

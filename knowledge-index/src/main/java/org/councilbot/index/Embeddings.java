package org.councilbot.index;

import java.util.List;
import org.councilbot.core.TextEmbedder;

/** The in-process embedding model, for the parts of the engine that compare meanings. */
public final class Embeddings {
    private Embeddings() {
    }

    /**
     * The all-MiniLM-L6-v2 model the index embeds pages with (loaded once per process and shared),
     * returning unit-length vectors.
     */
    public static TextEmbedder miniLm() {
        Embedder model = new MiniLmEmbedder();
        return new TextEmbedder() {
            @Override
            public float[] embed(String text) {
                return model.embed(text);
            }

            @Override
            public List<float[]> embedAll(List<String> texts) {
                return model.embedAll(texts);
            }
        };
    }
}

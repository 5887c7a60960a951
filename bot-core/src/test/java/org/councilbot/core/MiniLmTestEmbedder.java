package org.councilbot.core;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

/** The real in-process MiniLM model, for tests that measure embedding layers on real vectors. */
final class MiniLmTestEmbedder implements TextEmbedder {
    private final AllMiniLmL6V2EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();

    @Override
    public float[] embed(String text) {
        var embedding = model.embed(text).content();
        embedding.normalize();
        return embedding.vector();
    }
}

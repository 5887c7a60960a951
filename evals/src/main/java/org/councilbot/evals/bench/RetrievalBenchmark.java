package org.councilbot.evals.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.councilbot.core.KnowledgeQuery;
import org.councilbot.core.KnowledgeRetriever;
import org.councilbot.core.Passage;
import org.councilbot.index.IndexSettings;
import org.councilbot.index.KnowledgeIndexer;
import org.councilbot.index.LuceneKnowledgeIndex;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Query latency of each retriever, query embedding included, over a suite's own questions: the
 * first turn of every case that expects an answer, asked in turn so no single query dominates.
 * Sample-time mode reports the percentiles (p0.95 is the figure the index is held to).
 *
 * <p>Run: {@code ./councilbot bench} (or {@code java -cp "evals/target/classes:evals/target/lib/*"
 * org.openjdk.jmh.Main RetrievalBenchmark -p suite=evals/suites/demo}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "--enable-native-access=ALL-UNNAMED"})
public class RetrievalBenchmark {

    @Param({"hybrid", "bm25", "vector"})
    public String retriever;

    @Param("evals/suites/demo")
    public String suite;

    private Path indexDir;
    private LuceneKnowledgeIndex index;
    private KnowledgeRetriever ranking;
    private List<String> questions;
    private int next;

    @Setup(Level.Trial)
    public void buildIndex() throws IOException {
        Path suiteDir = Path.of(suite);
        indexDir = Files.createTempDirectory("councilbot-bench");
        KnowledgeIndexer.create(IndexSettings.defaults()).build(suiteDir.resolve("corpus"), indexDir);
        index = LuceneKnowledgeIndex.open(indexDir);
        ranking = index.retrievers().get(retriever);
        if (ranking == null) {
            throw new IllegalArgumentException("no retriever '" + retriever + "'; the index has " + index.retrievers().keySet());
        }
        questions = answerQuestions(suiteDir.resolve("cases.jsonl"));
    }

    @TearDown(Level.Trial)
    public void closeIndex() throws IOException {
        index.close();
        try (var files = Files.walk(indexDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Benchmark
    public List<Passage> retrieve() {
        String question = questions.get(next);
        next = (next + 1) % questions.size();
        return ranking.retrieve(KnowledgeQuery.of(question, 10));
    }

    /** The first message of every case whose first turn expects an answer. */
    static List<String> answerQuestions(Path casesFile) {
        ObjectMapper json = new ObjectMapper();
        List<String> questions = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(casesFile)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode first = json.readTree(line).path("turns").path(0);
                if ("answer".equals(first.path("expect").path("action").asText())) {
                    questions.add(first.path("user").asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + casesFile, e);
        }
        if (questions.isEmpty()) {
            throw new IllegalArgumentException(casesFile + " has no case whose first turn expects an answer");
        }
        return questions;
    }
}

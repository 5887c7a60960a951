package org.councilbot.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.councilbot.core.KnowledgeQuery;
import org.councilbot.core.Passage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Throwaway measurement over the demo council; deleted after use. */
class DemoRetrievalMeasureTest {
    @Test
    void measure(@TempDir Path root) throws Exception {
        Path demo = Path.of("/work/main/evals/suites/demo");
        KnowledgeIndexer.create(IndexSettings.defaults()).build(demo.resolve("corpus"), root);
        ObjectMapper json = new ObjectMapper();
        StringBuilder out = new StringBuilder();
        int n = 0, r1 = 0, r5 = 0, cov = 0;
        double mrr = 0;
        List<String> other = new ArrayList<>();
        try (LuceneKnowledgeIndex index = LuceneKnowledgeIndex.open(root)) {
            for (String line : Files.readAllLines(demo.resolve("cases.jsonl"))) {
                if (line.isBlank()) continue;
                JsonNode c = json.readTree(line);
                JsonNode turn = c.get("turns").get(0);
                String user = turn.get("user").asText();
                String action = turn.get("expect").get("action").asText();
                List<Passage> ps = index.retrieve(KnowledgeQuery.of(user, 10));
                List<String> pages = new ArrayList<>();
                for (Passage p : ps) if (!pages.contains(p.url())) pages.add(p.url());
                double top = ps.isEmpty() ? 0 : ps.get(0).coverage();
                String topUrl = ps.isEmpty() ? "-" : ps.get(0).url().replaceAll("https://[^/]+", "");
                if (action.equals("answer") && turn.get("expect").has("docs")) {
                    Set<String> want = new HashSet<>();
                    turn.get("expect").get("docs").forEach(d -> want.add(d.asText()));
                    n++;
                    int rank = 0;
                    for (int i = 0; i < pages.size() && i < 5; i++) if (want.contains(pages.get(i))) { rank = i + 1; break; }
                    if (rank == 1) r1++;
                    if (rank >= 1) r5++;
                    if (rank >= 1) mrr += 1.0 / rank;
                    if (top >= 0.5) cov++;
                    out.append(String.format("%s rank=%d cov=%.2f top=%s | %s%n", c.get("id").asText(), rank, top, topUrl, user));
                } else if (action.equals("dont_know") || action.equals("out_of_scope")) {
                    other.add(String.format("%s cov=%.2f top=%s | %s", action, top, topUrl, user));
                }
            }
        }
        out.append(String.format("N=%d R@1=%.3f R@5=%.3f MRR=%.3f cov>=0.5=%.3f%n", n, r1 / (double) n, r5 / (double) n,
                mrr / n, cov / (double) n));
        other.forEach(s -> out.append(s).append('\n'));
        Files.writeString(Path.of(System.getProperty("measure.out", "/tmp/kimeasure/out.txt")), out.toString());
    }
}

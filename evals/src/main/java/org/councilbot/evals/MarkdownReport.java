package org.councilbot.evals;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** results.md: the run in a few tables, readable in a terminal, a pull request or a wiki. */
final class MarkdownReport {
    static final int MAX_FAILURES = 50;

    private MarkdownReport() {
    }

    static String render(Results r, ThresholdOutcome thresholds) {
        StringBuilder md = new StringBuilder();
        md.append("# Evaluation: ").append(cell(r.suite())).append("\n\n");
        md.append(Fmt.counts(r)).append(". ").append(cell(thresholds.summary())).append(".\n\n");

        md.append("## Headline\n\n| metric | value |\n|---|---|\n");
        Headline.rows(r).forEach(row -> row(md, row.metric(), row.value()));

        if (!thresholds.passed()) {
            md.append("\n## Failed thresholds\n\n");
            thresholds.failures().forEach(f -> md.append("- ").append(cell(f.message())).append('\n'));
        }

        md.append("\n## By expected action\n\n| action | turns | accuracy |\n|---|---:|---:|\n");
        shares(md, r.byAction());
        if (!r.byTag().isEmpty()) {
            md.append("\n## By tag\n\n| tag | turns | accuracy |\n|---|---:|---:|\n");
            shares(md, r.byTag());
        }

        if (!r.retrieval().isEmpty()) {
            md.append("\n## Retrievers\n\n");
            retrievers(md, r.retrieval());
        }

        md.append("\n## Failures\n\n");
        List<Results.Failure> failures = r.failures();
        if (failures.isEmpty()) {
            md.append("None.\n");
        } else {
            if (failures.size() > MAX_FAILURES) {
                md.append("The first ").append(MAX_FAILURES).append(" of ").append(failures.size())
                        .append("; results.json lists them all.\n\n");
            }
            md.append("| case | turn | expected | got | problems | reply |\n|---|---:|---|---|---|---|\n");
            for (Results.Failure f : failures.subList(0, Math.min(MAX_FAILURES, failures.size()))) {
                md.append("| ").append(cell(f.caseId())).append(" | ").append(f.turn()).append(" | ")
                        .append(f.expected()).append(" | ").append(f.got()).append(" | ")
                        .append(cell(String.join("; ", f.problems()))).append(" | ")
                        .append(cell(Fmt.clip(f.reply(), 160))).append(" |\n");
            }
        }

        if (!r.warnings().isEmpty()) {
            md.append("\n## Warnings\n\n");
            r.warnings().forEach(w -> md.append("- ").append(cell(w)).append('\n'));
        }

        md.append("""

                ## How these are computed

                - Action accuracy: share of turns whose action is the expected one; a turn whose \
                message raised an error counts as wrong.
                - Retrieval: each retriever is asked the answer turns' retrieval query (the engine's own \
                query when it gave one, else the message) for 10 passages; rankings are deduplicated by \
                page url. recall@k is the share of a turn's docs in the top k, hit@5 whether any is; \
                MRR and nDCG@10 use binary relevance, the ideal DCG ranking min(docs, 10) relevant pages \
                first. Averaged over answer turns with docs.
                - Citation correctness: of turns expected and answered as answers with docs, the share \
                citing at least one doc. must_include / must_not_include are case-insensitive substrings.
                - Percentiles (latency p50, p95) are nearest-rank: the value at rank ceil(p/100 x n) of the \
                sorted timings, never interpolated.
                - n/a (null in results.json) means no turn measured the metric.
                """);
        return md.toString();
    }

    private static void retrievers(StringBuilder md, Map<String, Results.Retrieval> retrieval) {
        md.append("| metric |");
        retrieval.keySet().forEach(name -> md.append(' ').append(cell(name)).append(" |"));
        md.append("\n|---|");
        retrieval.keySet().forEach(name -> md.append("---:|"));
        md.append('\n');
        metricRow(md, "turns with docs", retrieval, r -> Integer.toString(r.turns()));
        metricRow(md, "recall@1", retrieval, r -> Fmt.ratio(r.recallAt1()));
        metricRow(md, "recall@5", retrieval, r -> Fmt.ratio(r.recallAt5()));
        metricRow(md, "hit@5", retrieval, r -> Fmt.ratio(r.hitAt5()));
        metricRow(md, "MRR", retrieval, r -> Fmt.ratio(r.mrr()));
        metricRow(md, "nDCG@10", retrieval, r -> Fmt.ratio(r.ndcgAt10()));
        metricRow(md, "latency p50 (ms)", retrieval, r -> Fmt.millis(r.latency().p50()));
        metricRow(md, "latency p95 (ms)", retrieval, r -> Fmt.millis(r.latency().p95()));
    }

    private static void metricRow(StringBuilder md, String label, Map<String, Results.Retrieval> retrieval,
                                  Function<Results.Retrieval, String> value) {
        md.append("| ").append(label).append(" |");
        retrieval.values().forEach(r -> md.append(' ').append(value.apply(r)).append(" |"));
        md.append('\n');
    }

    private static void shares(StringBuilder md, Map<String, Results.Share> shares) {
        shares.forEach((key, share) -> md.append("| ").append(cell(key)).append(" | ").append(share.turns())
                .append(" | ").append(Fmt.ratio(share.accuracy())).append(" |\n"));
    }

    private static void row(StringBuilder md, String metric, String value) {
        md.append("| ").append(metric).append(" | ").append(value).append(" |\n");
    }

    /**
     * Table cells must stay on one line and not split on a pipe; angle brackets are escaped
     * because Markdown renderers pass raw HTML through, and replies are untrusted text.
     */
    static String cell(String text) {
        return text.replaceAll("\\s+", " ").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;").strip();
    }
}

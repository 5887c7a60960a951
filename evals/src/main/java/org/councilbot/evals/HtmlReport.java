package org.councilbot.evals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.DoubleStream;

/**
 * report.html: one self-contained page (inline CSS and SVG, no script, no external font or
 * image) that can be opened from disk, attached to a ticket or published as a CI artefact.
 *
 * <p>Everything taken from the suite or the bot is escaped: replies are untrusted text.
 */
final class HtmlReport {
    static final int MAX_FAILURES = 500;

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;margin:2rem auto;max-width:1100px;\
            color:#0b0c0c;padding:0 1rem;line-height:1.4}
            h1{font-size:1.8rem;margin-bottom:.2rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:2px solid #b1b4b6}
            table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #b1b4b6;padding:.3rem .6rem;\
            text-align:left;vertical-align:top}
            th{background:#f3f2f1}td.num{text-align:right;font-variant-numeric:tabular-nums}
            .pass{color:#00703c;font-weight:bold}.fail{color:#d4351c;font-weight:bold}
            .chart text{font-size:12px;fill:#0b0c0c}.small{font-size:.85rem;color:#505a5f}
            table.failures td{font-size:.85rem}table.failures td.text{max-width:26rem;overflow-wrap:anywhere}
            """;

    private HtmlReport() {
    }

    static String render(Results r, ThresholdOutcome thresholds) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
                .append("<title>Evaluation: ").append(Html.escape(r.suite())).append("</title>")
                .append("<style>").append(CSS).append("</style></head><body>\n");
        html.append("<h1>Evaluation: ").append(Html.escape(r.suite())).append("</h1>\n");
        html.append("<p>").append(Fmt.counts(r)).append(". <span class=\"").append(thresholds.passed() ? "pass" : "fail")
                .append("\">").append(Html.escape(thresholds.summary())).append("</span></p>\n");
        if (!thresholds.passed()) {
            html.append("<ul>");
            thresholds.failures().forEach(f -> html.append("<li class=\"fail\">").append(Html.escape(f.message()))
                    .append("</li>"));
            html.append("</ul>\n");
        }

        html.append("<h2>Headline</h2>\n<table><tr><th>metric</th><th>value</th></tr>");
        Headline.rows(r).forEach(row -> html.append("<tr><td>").append(Html.escape(row.metric()))
                .append("</td><td class=\"num\">").append(Html.escape(row.value())).append("</td></tr>"));
        html.append("</table>\n");

        html.append("<h2>Action accuracy by expected action</h2>\n");
        List<SvgBars.Group> actions = new ArrayList<>();
        r.byAction().forEach((action, share) -> actions.add(new SvgBars.Group(action + " (" + share.turns() + ")",
                List.of(share.accuracy()))));
        html.append(SvgBars.chart("Action accuracy by expected action", List.of("accuracy"), actions, 1,
                HtmlReport::ratio)).append('\n');

        if (!r.byTag().isEmpty()) {
            html.append("<h2>By tag</h2>\n<table><tr><th>tag</th><th>turns</th><th>accuracy</th></tr>");
            r.byTag().forEach((tag, share) -> html.append("<tr><td>").append(Html.escape(tag))
                    .append("</td><td class=\"num\">").append(share.turns()).append("</td><td class=\"num\">")
                    .append(Fmt.ratio(share.accuracy())).append("</td></tr>"));
            html.append("</table>\n");
        }

        if (!r.retrieval().isEmpty()) {
            html.append("<h2>Retrievers</h2>\n");
            List<String> names = List.copyOf(r.retrieval().keySet());
            List<Results.Retrieval> measured = List.copyOf(r.retrieval().values());
            List<SvgBars.Group> ranking = List.of(
                    group("recall@1", measured.stream().map(Results.Retrieval::recallAt1).toList()),
                    group("recall@5", measured.stream().map(Results.Retrieval::recallAt5).toList()),
                    group("hit@5", measured.stream().map(Results.Retrieval::hitAt5).toList()),
                    group("MRR", measured.stream().map(Results.Retrieval::mrr).toList()),
                    group("nDCG@10", measured.stream().map(Results.Retrieval::ndcgAt10).toList()));
            html.append(SvgBars.chart("Retrievers compared on the answer turns", names, ranking, 1,
                    HtmlReport::ratio)).append('\n');
            html.append("<p class=\"small\">Measured on ").append(measured.get(0).turns())
                    .append(" answer turns with docs; each retriever asked for 10 passages.</p>\n");
        }

        html.append("<h2>Latency</h2>\n");
        List<SvgBars.Group> latency = new ArrayList<>();
        latency.add(new SvgBars.Group("turn (end to end)", List.of(r.latency().p50(), r.latency().p95())));
        r.retrieval().forEach((name, ret) -> latency.add(new SvgBars.Group("retrieve: " + name,
                List.of(ret.latency().p50(), ret.latency().p95()))));
        double max = latency.stream().flatMap(g -> g.values().stream())
                .flatMapToDouble(v -> v.isPresent() ? DoubleStream.of(v.getAsDouble()) : DoubleStream.empty())
                .max().orElse(1);
        html.append(SvgBars.chart("Latency in milliseconds, nearest-rank p50 and p95", List.of("p50", "p95"),
                latency, max, v -> String.format(Locale.ROOT, "%.2f ms", v))).append('\n');

        failures(html, r.failures());

        if (!r.warnings().isEmpty()) {
            html.append("<h2>Warnings</h2>\n<ul>");
            r.warnings().forEach(w -> html.append("<li>").append(Html.escape(w)).append("</li>"));
            html.append("</ul>\n");
        }
        html.append("<p class=\"small\">Percentiles are nearest-rank (the value at rank ceil(p/100 &#215; n) of ")
                .append("the sorted timings). n/a means no turn measured the metric. recall@k is the share of a ")
                .append("turn's docs in the top k; rankings are deduplicated by page url.</p>\n");
        html.append("</body></html>\n");
        return html.toString();
    }

    private static void failures(StringBuilder html, List<Results.Failure> failures) {
        html.append("<h2>Failures (").append(failures.size()).append(")</h2>\n");
        if (failures.isEmpty()) {
            html.append("<p>None.</p>\n");
            return;
        }
        if (failures.size() > MAX_FAILURES) {
            html.append("<p>The first ").append(MAX_FAILURES).append("; results.json lists them all.</p>\n");
        }
        html.append("<table class=\"failures\"><tr><th>case</th><th>turn</th><th>message</th><th>expected</th>")
                .append("<th>got</th><th>problems</th><th>reply</th><th>sources</th></tr>\n");
        for (Results.Failure f : failures.subList(0, Math.min(MAX_FAILURES, failures.size()))) {
            html.append("<tr><td>").append(Html.escape(f.caseId())).append("</td><td class=\"num\">").append(f.turn())
                    .append("</td><td class=\"text\">").append(Html.escape(f.user())).append("</td><td>")
                    .append(Html.escape(f.expected())).append("</td><td>").append(Html.escape(f.got()))
                    .append("</td><td class=\"text\">").append(Html.escape(String.join("; ", f.problems())))
                    .append("</td><td class=\"text\">").append(Html.escape(Fmt.clip(f.reply(), 400)))
                    .append("</td><td class=\"text\">").append(Html.escape(String.join(" ", f.sources())))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static SvgBars.Group group(String label, List<OptionalDouble> values) {
        return new SvgBars.Group(label, values);
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}

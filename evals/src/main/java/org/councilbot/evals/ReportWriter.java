package org.councilbot.evals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes results.json, results.md and report.html into the output folder, creating it. */
final class ReportWriter {
    static final String JSON = "results.json";
    static final String MARKDOWN = "results.md";
    static final String HTML = "report.html";

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The files written. */
    List<Path> write(Path outDir, ObjectNode resultsJson, Results results, ThresholdOutcome thresholds) {
        try {
            Files.createDirectories(outDir);
            Path jsonFile = outDir.resolve(JSON);
            Path mdFile = outDir.resolve(MARKDOWN);
            Path htmlFile = outDir.resolve(HTML);
            Files.writeString(jsonFile, json.writeValueAsString(resultsJson) + "\n", StandardCharsets.UTF_8);
            Files.writeString(mdFile, MarkdownReport.render(results, thresholds), StandardCharsets.UTF_8);
            Files.writeString(htmlFile, HtmlReport.render(results, thresholds), StandardCharsets.UTF_8);
            return List.of(jsonFile, mdFile, htmlFile);
        } catch (IOException e) {
            throw new SuiteException("cannot write the results to " + outDir + ": " + e);
        }
    }
}

package org.councilbot.evals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.councilbot.core.CouncilbotException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code councilbot eval}: load a suite, run it through a fresh bot, write and check the results. */
@Command(name = "eval", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Runs an evaluation suite through the chat engine and reports its metrics.",
        exitCodeOnInvalidInput = EvalCommand.BAD_INPUT, exitCodeOnExecutionException = EvalCommand.INTERNAL_ERROR,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:all thresholds pass, or there are none", "1:below thresholds (listed)",
                "2:bad suite, thresholds file or option", "3:internal error (a bug: please report it)"})
final class EvalCommand implements Callable<Integer> {
    static final int PASSED = 0;
    static final int BELOW_THRESHOLDS = 1;
    static final int BAD_INPUT = 2;
    static final int INTERNAL_ERROR = 3;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--suite", required = true, paramLabel = "DIR",
            description = "Suite folder: suite.yaml, corpus/, optional open311/, cases.jsonl.")
    Path suiteDir;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (created). Default: data/eval/<suite name>.")
    Optional<Path> outDir = Optional.empty();

    @Option(names = "--thresholds", paramLabel = "FILE",
            description = "Thresholds file. Default: thresholds.yaml beside the suite, when there is one.")
    Optional<Path> thresholdsFile = Optional.empty();

    @Option(names = "--retrievers", split = ",", paramLabel = "NAME",
            description = "Retrievers to measure side by side, e.g. bm25,hybrid. Default: the engine's own.")
    List<String> retrievers = new ArrayList<>();

    private final SuiteBotFactory factory;
    private List<org.councilbot.core.ServiceLink> links = List.of();
    private final LongSupplier nanoTime;
    private final PrintWriter out;
    private final PrintWriter err;

    EvalCommand(SuiteBotFactory factory, LongSupplier nanoTime, PrintWriter out, PrintWriter err) {
        this.factory = factory;
        this.nanoTime = nanoTime;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        try {
            return evaluate();
        } catch (SuiteException | CouncilbotException e) {
            err.println("eval: " + e.getMessage());
            err.flush();
            return BAD_INPUT;
        }
    }

    private int evaluate() {
        Suite suite = new SuiteLoader().load(suiteDir);
        // Thresholds are read before the run, so a broken file fails in a second, not after it.
        Optional<Thresholds> thresholds = thresholds();
        suite.warnings().forEach(w -> err.println("warning: " + w));
        Path out = outDir.orElse(Path.of("data", "eval", suite.name()));
        RunRecord run = runWithFreshBot(suite);
        Results results = MetricsCalculator.compute(run);
        ObjectNode json = ResultsJson.of(results);
        com.fasterxml.jackson.databind.node.ArrayNode linked = json.putArray("catalogue_links");
        for (org.councilbot.core.ServiceLink link : links) {
            ObjectNode node = linked.addObject();
            node.put("service_code", link.serviceCode());
            node.put("service_name", link.serviceName());
            if (link.type().isPresent()) {
                node.put("type", link.type().get());
            } else {
                node.putNull("type");
            }
            node.put("score", Math.round(link.score() * 1000) / 1000.0);
            node.put("how", link.how());
        }
        ThresholdOutcome outcome = thresholds.map(t -> ThresholdOutcome.of(t, json)).orElse(ThresholdOutcome.none());
        outcome.writeTo(json);
        List<Path> written = new ReportWriter().write(out, json, results, outcome);
        links.forEach(link -> this.out.println("catalogue link: " + link.describe()));
        printSummary(results, outcome, written);
        return outcome.passed() ? PASSED : BELOW_THRESHOLDS;
    }

    private Optional<Thresholds> thresholds() {
        if (thresholdsFile.isPresent()) {
            return Optional.of(new ThresholdsReader().read(thresholdsFile.get()));
        }
        Path beside = suiteDir.resolve("thresholds.yaml");
        return Files.isRegularFile(beside) ? Optional.of(new ThresholdsReader().read(beside)) : Optional.empty();
    }

    private RunRecord runWithFreshBot(Suite suite) {
        Path workDir = createWorkDir();
        try (SuiteBot bot = factory.open(suite, workDir)) {
            List<String> names = retrievers.isEmpty() ? List.of(bot.defaultRetriever())
                    : List.copyOf(new LinkedHashSet<>(retrievers));
            for (String name : names) {
                if (!bot.retrievers().containsKey(name)) {
                    throw new SuiteException("unknown retriever '" + name + "'; this engine has: "
                            + String.join(", ", bot.retrievers().keySet()));
                }
            }
            links = bot.serviceLinks();
            return new SuiteRunner(bot, names, nanoTime).run(suite);
        } finally {
            deleteRecursively(workDir);
        }
    }

    private void printSummary(Results r, ThresholdOutcome thresholds, List<Path> written) {
        out.println("suite " + r.suite() + ": " + Fmt.counts(r));
        out.println("action accuracy " + Fmt.ratio(r.actionAccuracy()));
        r.headlineRetrieval().ifPresent(e -> out.println("retrieval " + e.getKey() + ": recall@5 "
                + Fmt.ratio(e.getValue().recallAt5()) + ", MRR " + Fmt.ratio(e.getValue().mrr())));
        out.println("latency p50 " + Fmt.millis(r.latency().p50()) + " ms, p95 " + Fmt.millis(r.latency().p95())
                + " ms");
        out.println(Fmt.plural(r.failures().size(), "failed turn") + "; wrote "
                + String.join(", ", written.stream().map(Path::toString).toList()));
        out.println(thresholds.summary());
        thresholds.failures().forEach(f -> out.println("  FAILED " + f.message()));
        out.flush();
    }

    private static Path createWorkDir() {
        try {
            return Files.createTempDirectory("councilbot-eval-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the index", e);
        }
    }

    private void deleteRecursively(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            // Leftover temporary files do not change the results; say so and go on.
            err.println("warning: could not delete " + dir + ": " + e.getMessage());
        }
    }
}

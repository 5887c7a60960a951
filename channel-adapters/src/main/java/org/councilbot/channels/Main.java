package org.councilbot.channels;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.logging.LogManager;
import org.councilbot.core.CouncilbotException;
import org.councilbot.index.IndexBuildReport;
import org.councilbot.index.IndexSettings;
import org.councilbot.index.KnowledgeIndexer;
import org.councilbot.index.SkippedFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line: {@code serve}, {@code index} and {@code demo}. */
@Command(name = "councilbot", mixinStandardHelpOptions = true,
        description = "Resident-services chatbot backend for UK councils.",
        subcommands = {Main.Serve.class, Main.Index.class, Main.Demo.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        configureLogging();
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof CouncilbotException problem) {
                line.getErr().println("councilbot: " + problem.getMessage());
                return 2;
            }
            throw e;
        });
        int exit = commandLine.execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    @Command(name = "serve", description = "Serve a council's configured bot.")
    static final class Serve implements Callable<Integer> {
        @Option(names = "--config", description = "the council's YAML configuration file")
        Path config;

        @Override
        public Integer call() {
            CouncilbotSettings settings = config == null ? CouncilbotSettings.load(System.getenv())
                    : CouncilbotSettings.load(config, System.getenv());
            serve(settings);
            return 0;
        }
    }

    @Command(name = "index", description = "(Re)build the knowledge index from a council's pages.")
    static final class Index implements Callable<Integer> {
        @Option(names = "--corpus", required = true, description = "folder of the council's pages")
        Path corpus;

        @Option(names = "--index", description = "index folder (default: data/index)")
        Path index;

        @Override
        public Integer call() {
            Path target = index != null ? index
                    : Path.of(System.getenv().getOrDefault("COUNCILBOT_DATA_DIR", "data")).resolve("index");
            buildIndex(corpus, target);
            return 0;
        }
    }

    @Command(name = "demo", description = "Index the demo council and serve it.")
    static final class Demo implements Callable<Integer> {
        @Option(names = "--corpus", required = true, description = "the demo council's pages")
        Path corpus;

        @Option(names = "--config", required = true, description = "the demo council's configuration")
        Path config;

        @Override
        public Integer call() {
            CouncilbotSettings settings = CouncilbotSettings.load(config, System.getenv());
            buildIndex(corpus, settings.indexDir());
            serve(settings);
            return 0;
        }
    }

    private static void buildIndex(Path corpus, Path indexDir) {
        PrintWriter out = new PrintWriter(System.out, true);
        out.printf("Indexing %s into %s%n", corpus.toAbsolutePath().normalize(), indexDir.toAbsolutePath().normalize());
        IndexBuildReport report = KnowledgeIndexer.create(IndexSettings.defaults()).build(corpus, indexDir);
        out.printf("Indexed %d pages as %d chunks in %d ms%n", report.pages(), report.chunks(), report.took().toMillis());
        for (SkippedFile skipped : report.skipped()) {
            out.printf("  skipped %s: %s%n", skipped.path(), skipped.reason());
        }
    }

    private static void serve(CouncilbotSettings settings) {
        CouncilbotServer server = CouncilbotServer.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "councilbot-shutdown"));
        long startedMs = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        String host = settings.host().equals("0.0.0.0") ? "localhost" : settings.host();
        System.out.printf("%s assistant is ready in %d ms: http://%s:%d/%n", settings.council().name(),
                startedMs, host, server.port());
    }

    private static void configureLogging() {
        try (InputStream in = Main.class.getResourceAsStream("/logging.properties")) {
            if (in != null) {
                LogManager.getLogManager().readConfiguration(in);
            }
        } catch (IOException e) {
            System.err.println("councilbot: logging configuration unreadable, using JDK defaults: " + e);
        }
    }
}

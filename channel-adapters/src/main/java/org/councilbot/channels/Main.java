package org.councilbot.channels;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.LogManager;
import org.councilbot.core.CouncilbotException;
import org.councilbot.index.IndexBuildReport;
import org.councilbot.index.IndexSettings;
import org.councilbot.index.KnowledgeIndexer;
import org.councilbot.index.SkippedFile;
import org.councilbot.index.crawl.CrawlOutcome;
import org.councilbot.index.crawl.CrawlReport;
import org.councilbot.index.crawl.CrawlSettings;
import org.councilbot.index.crawl.SiteCrawler;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The command line: {@code serve}, {@code index} and {@code demo}. */
@Command(name = "councilbot", mixinStandardHelpOptions = true,
        description = "Resident-services chatbot backend for UK councils.",
        subcommands = {Main.Serve.class, Main.Index.class, Main.Demo.class})
public final class Main implements Callable<Integer> {
    private final Map<String, String> env;

    /** A command line reading its settings from {@code env} (the process environment, or a test's). */
    Main(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public static void main(String[] args) {
        configureLogging();
        int exit = commandLine(new Main(System.getenv())).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** The command line, with councilbot's own errors shown as one line and exit status 2. */
    static CommandLine commandLine(Main main) {
        CommandLine commandLine = new CommandLine(main);
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof CouncilbotException problem) {
                line.getErr().println("councilbot: " + problem.getMessage());
                return 2;
            }
            throw e;
        });
        return commandLine;
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve a council's configured bot.")
    static final class Serve implements Callable<Integer> {
        @ParentCommand
        Main main;

        @Option(names = "--config", description = "the council's YAML configuration file")
        Path config;

        @Override
        public Integer call() {
            CouncilbotSettings settings = config == null ? CouncilbotSettings.load(main.env)
                    : CouncilbotSettings.load(config, main.env);
            serve(settings);
            return 0;
        }
    }

    @Command(name = "index", mixinStandardHelpOptions = true, sortOptions = false,
            description = "(Re)build the knowledge index from a folder of a council's pages, or from its website.")
    static final class Index implements Callable<Integer> {
        @ParentCommand
        Main main;

        @Spec
        CommandSpec spec;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;

        /** Where the pages come from: exactly one of a folder and a website. */
        static final class Source {
            @Option(names = "--corpus", required = true, paramLabel = "DIR", description = "folder of the council's pages")
            Path corpus;

            @Option(names = "--site", required = true, paramLabel = "URL",
                    description = "the council's website, crawled first into <data-dir>/crawl/<host>/"
                            + " (<data-dir> is $COUNCILBOT_DATA_DIR, default data)")
            String site;
        }

        @Option(names = "--index", paramLabel = "DIR", description = "index folder (default: <data-dir>/index)")
        Path index;

        @Option(names = "--max-pages", paramLabel = "N", description = "with --site: most pages to fetch (default: 5000)")
        Integer maxPages;

        @Option(names = "--delay-ms", paramLabel = "MS",
                description = "with --site: least time between requests to the site (default: 500; a longer"
                        + " robots.txt Crawl-delay wins)")
        Long delayMs;

        @Option(names = "--concurrency", paramLabel = "N",
                description = "with --site: most requests to the site at once (default: 2)")
        Integer concurrency;

        @Option(names = "--user-agent", paramLabel = "TEXT",
                description = "with --site: how the crawler names itself to the site; must contain 'councilbot'."
                        + " Add who runs it, e.g. \"councilbot (web team, webteam@yourcouncil.gov.uk)\"")
        String userAgent;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Path dataDir = Path.of(main.env.getOrDefault("COUNCILBOT_DATA_DIR", "data"));
            Path target = index != null ? index : dataDir.resolve("index");
            if (source.corpus != null) {
                if (maxPages != null || delayMs != null || concurrency != null || userAgent != null) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "--max-pages, --delay-ms, --concurrency and --user-agent apply only with --site");
                }
                buildIndex(source.corpus, target, out);
                return 0;
            }
            URI site = SiteCrawler.checkSite(source.site);
            Path folder = dataDir.resolve("crawl").resolve(SiteCrawler.folderName(site));
            CrawlReport report = SiteCrawler.create(crawlSettings()).crawl(site, folder, out::println);
            printCrawl(report, out);
            buildIndex(folder, target, out);
            return 0;
        }

        private CrawlSettings crawlSettings() {
            CrawlSettings.Builder settings = CrawlSettings.builder();
            if (maxPages != null) {
                settings.maxPages(maxPages);
            }
            if (delayMs != null) {
                settings.delay(Duration.ofMillis(delayMs));
            }
            if (concurrency != null) {
                settings.concurrency(concurrency);
            }
            if (userAgent != null) {
                settings.userAgent(userAgent);
            }
            return settings.build();
        }
    }

    @Command(name = "demo", mixinStandardHelpOptions = true, description = "Index the demo council and serve it.")
    static final class Demo implements Callable<Integer> {
        @Option(names = "--corpus", required = true, description = "the demo council's pages")
        Path corpus;

        @Option(names = "--config", required = true, description = "the demo council's configuration")
        Path config;

        @ParentCommand
        Main main;

        @Override
        public Integer call() {
            CouncilbotSettings settings = CouncilbotSettings.load(config, main.env);
            buildIndex(corpus, settings.indexDir(), new PrintWriter(System.out, true));
            serve(settings);
            return 0;
        }
    }

    /** Prints what a crawl did: the totals, what the council's web team should know, then every page not saved. */
    private static void printCrawl(CrawlReport report, PrintWriter out) {
        out.printf("Crawled %s in %d s (%.1f pages/s): %d fetched (%d new, %d changed, %d the same), %d not modified,"
                        + " %d removed, %d skipped, %d failed%n",
                report.site(), report.took().toSeconds(), report.pagesPerSecond(), report.fetched(),
                report.count(CrawlOutcome.Kind.NEW), report.count(CrawlOutcome.Kind.CHANGED),
                report.count(CrawlOutcome.Kind.SAME_CONTENT), report.count(CrawlOutcome.Kind.NOT_MODIFIED),
                report.count(CrawlOutcome.Kind.REMOVED), report.count(CrawlOutcome.Kind.SKIPPED),
                report.count(CrawlOutcome.Kind.FAILED));
        report.notes().forEach(note -> out.printf("  %s%n", note));
        for (CrawlOutcome.Kind kind : List.of(CrawlOutcome.Kind.REMOVED, CrawlOutcome.Kind.SKIPPED,
                CrawlOutcome.Kind.FAILED)) {
            for (CrawlOutcome outcome : report.outcomes(kind)) {
                out.printf("  %s %s: %s%n", kind.name().toLowerCase(Locale.ROOT), outcome.url(), outcome.reason());
            }
        }
    }

    private static void buildIndex(Path corpus, Path indexDir, PrintWriter out) {
        out.printf("Indexing %s into %s%n", corpus.toAbsolutePath().normalize(), indexDir.toAbsolutePath().normalize());
        IndexBuildReport report = KnowledgeIndexer.create(IndexSettings.defaults()).build(corpus, indexDir, out::println);
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

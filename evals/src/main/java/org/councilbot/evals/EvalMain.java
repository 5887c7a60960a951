package org.councilbot.evals;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;
import picocli.CommandLine;

/**
 * Entry point of {@code councilbot eval --suite DIR [--out DIR] [--thresholds FILE] [--retrievers a,b,c]}.
 *
 * <p>Exit codes: 0 when every threshold passes (or there are none), 1 when the run is below its
 * thresholds, 2 for a suite, thresholds file or option that cannot be used (with a message, no
 * stack trace), 3 for an internal error. The bot under test comes from the {@link SuiteBotFactory}
 * given to the constructor; {@link #main} is the one place that chooses the real one.
 */
public final class EvalMain {
    private final SuiteBotFactory factory;
    private final LongSupplier nanoTime;
    private final PrintWriter out;
    private final PrintWriter err;

    /** Writes to the process's stdout and stderr. */
    public EvalMain(SuiteBotFactory factory) {
        this(factory, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8));
    }

    public EvalMain(SuiteBotFactory factory, PrintWriter out, PrintWriter err) {
        this(factory, System::nanoTime, out, err);
    }

    /** With the clock for latencies, so tests can check them exactly. */
    EvalMain(SuiteBotFactory factory, LongSupplier nanoTime, PrintWriter out, PrintWriter err) {
        this.factory = factory;
        this.nanoTime = nanoTime;
        this.out = out;
        this.err = err;
    }

    /** Runs the command and returns its exit code. */
    public int run(String... args) {
        CommandLine command = new CommandLine(new EvalCommand(factory, nanoTime, out, err))
                .setOut(out)
                .setErr(err);
        return command.execute(args);
    }

    public static void main(String[] args) {
        configureLogging();
        System.exit(new EvalMain(engineFactory()).run(args));
    }

    private static void configureLogging() {
        try (java.io.InputStream in = EvalMain.class.getResourceAsStream("/logging.properties")) {
            if (in != null) {
                java.util.logging.LogManager.getLogManager().readConfiguration(in);
            }
        } catch (java.io.IOException e) {
            System.err.println("eval: logging configuration unreadable, using JDK defaults: " + e);
        }
    }

    /** The factory of the real engine, the composition root's single choice of what is evaluated. */
    static SuiteBotFactory engineFactory() {
        return EngineSuiteBot::open;
    }
}

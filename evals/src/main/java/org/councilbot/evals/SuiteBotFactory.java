package org.councilbot.evals;

import java.nio.file.Path;

/** Builds the bot under test for one suite: indexes its corpus, loads its catalogue, starts the engine. */
@FunctionalInterface
public interface SuiteBotFactory {

    /**
     * Opens a bot that knows only this suite's council.
     *
     * @param suite   the loaded suite (corpus and Open311 directories, council details)
     * @param workDir an empty directory the bot may use for its index and files; the caller
     *                deletes it after {@link SuiteBot#close()}
     */
    SuiteBot open(Suite suite, Path workDir);
}

package org.councilbot.channels;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** One real server on port 0 over the test council, shared by the tests of a class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RunningCouncilbot {
    TestCouncilbot bot;

    @BeforeAll
    void startServer(@TempDir Path dataDir) {
        bot = TestCouncilbot.start(dataDir);
    }

    @AfterAll
    void stopServer() {
        bot.close();
    }
}

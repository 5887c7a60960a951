package org.councilbot.handoff;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Transcript retention on the embedded default: an H2 file database, fresh for every test. */
class H2TranscriptRetentionTest extends TranscriptRetentionContract {
    private Path dataDir;

    @Override
    protected DatabaseSettings freshDatabase() throws Exception {
        dataDir = Files.createTempDirectory("councilbot-retention");
        return DatabaseSettings.embedded(dataDir);
    }

    @Override
    protected void dropDatabase() throws Exception {
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}

package org.councilbot.handoff;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store on the embedded default: an H2 file database, fresh for every test. */
class H2ConversationStoreTest extends JdbcConversationStoreContract {
    @TempDir
    Path dataDir;

    @Override
    protected DatabaseSettings settings() {
        return DatabaseSettings.embedded(dataDir);
    }
}

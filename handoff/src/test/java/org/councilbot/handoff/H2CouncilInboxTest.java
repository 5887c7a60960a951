package org.councilbot.handoff;

import java.util.UUID;

/** The inbox on H2 (in memory, fresh per test). */
class H2CouncilInboxTest extends CouncilInboxContract {
    @Override
    protected DatabaseSettings freshDatabase() {
        return DatabaseSettings.inMemory("inbox-" + UUID.randomUUID());
    }

    @Override
    protected void dropDatabase() {
        // An in-memory database goes with its last connection.
    }
}

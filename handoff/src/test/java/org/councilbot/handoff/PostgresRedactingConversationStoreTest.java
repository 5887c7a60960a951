package org.councilbot.handoff;

import org.councilbot.core.PiiRedactor;

/** The redacting store on PostgreSQL keeps the port's contract; skipped when {@code COUNCILBOT_TEST_DB_URL} is unset. */
class PostgresRedactingConversationStoreTest extends PostgresConversationStoreTest {
    @Override
    protected JdbcConversationStore newStore(CouncilDatabase database) {
        return JdbcConversationStore.redacting(database, PiiRedactor.ukPatterns());
    }
}

package org.councilbot.handoff;

import org.councilbot.core.PiiRedactor;

/** The redacting store keeps the port's contract: a transcript without personal data reads back unchanged. */
class H2RedactingConversationStoreTest extends H2ConversationStoreTest {
    @Override
    protected JdbcConversationStore newStore(CouncilDatabase database) {
        return JdbcConversationStore.redacting(database, PiiRedactor.ukPatterns());
    }
}

package org.councilbot.handoff;

/** The inbox on PostgreSQL, a fresh schema per test; skipped when {@code COUNCILBOT_TEST_DB_URL} is unset. */
class PostgresCouncilInboxTest extends CouncilInboxContract {
    private PostgresSchema schema;

    @Override
    protected DatabaseSettings freshDatabase() throws Exception {
        schema = PostgresSchema.create();
        return schema.settings();
    }

    @Override
    protected void dropDatabase() throws Exception {
        schema.close();
    }
}

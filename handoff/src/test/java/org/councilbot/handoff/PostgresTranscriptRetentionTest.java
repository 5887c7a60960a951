package org.councilbot.handoff;

/** Transcript retention on PostgreSQL, a fresh schema per test; skipped when {@code COUNCILBOT_TEST_DB_URL} is unset. */
class PostgresTranscriptRetentionTest extends TranscriptRetentionContract {
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

-- Conversations and their turns. Runs unchanged on PostgreSQL 15 and on H2 in PostgreSQL mode,
-- so it sticks to types both understand: no JSONB (H2's JSON type stores a bound string as a
-- JSON string literal), no SERIAL, no partial indexes.

CREATE TABLE conversations (
    id                VARCHAR(255) NOT NULL,
    channel           VARCHAR(64)  NOT NULL,
    access_token_hash VARCHAR(128) NOT NULL,
    started_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT conversations_pk PRIMARY KEY (id)
);

-- The primary key is what serialises appends: of two racing inserts of the same sequence,
-- exactly one commits. reply_json holds the whole reply; reply_text and action are copies
-- kept for the staff console, reports and retention queries.
CREATE TABLE turns (
    conversation_id VARCHAR(255) NOT NULL,
    sequence        INTEGER      NOT NULL,
    resident_text   TEXT         NOT NULL,
    reply_text      TEXT         NOT NULL,
    action          VARCHAR(32)  NOT NULL,
    reply_json      TEXT         NOT NULL,
    at              TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT turns_pk PRIMARY KEY (conversation_id, sequence),
    CONSTRAINT turns_conversation_fk FOREIGN KEY (conversation_id)
        REFERENCES conversations (id) ON DELETE CASCADE,
    CONSTRAINT turns_sequence_positive CHECK (sequence >= 1)
);

-- Retention purges select conversations by age.
CREATE INDEX conversations_started_at_idx ON conversations (started_at);

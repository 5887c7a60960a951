-- Retention of stored transcripts. Same dialect rules as V1: runs unchanged on PostgreSQL 15 and H2
-- in PostgreSQL mode.
--
-- last_active_at is when the conversation last had a turn (when it started, before its first): the
-- retention purge deletes conversations idle for longer than councilbot.retention.transcripts-days.
-- Each append updates it in the appending transaction, so a purge racing a resident's new message
-- waits for that row and then sees it is no longer idle.
ALTER TABLE conversations ADD COLUMN last_active_at TIMESTAMP WITH TIME ZONE;

UPDATE conversations SET last_active_at = COALESCE(
    (SELECT MAX(t.at) FROM turns t WHERE t.conversation_id = conversations.id), started_at);

ALTER TABLE conversations ALTER COLUMN last_active_at SET NOT NULL;

CREATE INDEX conversations_last_active_at_idx ON conversations (last_active_at);

-- With councilbot.retention.redact-personal-data, the latest turn of an open service-request form
-- keeps the form's answers as given, because the next turn continues the form from them. The flag
-- marks such a turn, so the next append can redact those answers once they are no longer needed.
ALTER TABLE turns ADD COLUMN holds_form_answers BOOLEAN DEFAULT FALSE NOT NULL;

-- Conversations waiting for a person. Same dialect rules as V1: runs unchanged on PostgreSQL 15 and
-- H2 in PostgreSQL mode.
--
-- A turn whose reply hands over (a resident asked for a person, was frustrated, or an intent is for
-- people only) or raises a safeguarding concern marks its conversation in the same transaction as
-- the turn is stored, so no such request can be lost between the reply and the queue.
-- handoff_priority: 1 a person should take over, 2 safeguarding, taken first. It only ever rises.
ALTER TABLE conversations ADD COLUMN handoff_priority INTEGER;
ALTER TABLE conversations ADD COLUMN handoff_requested_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE conversations ADD COLUMN handoff_reason VARCHAR(300);

CREATE INDEX conversations_handoff_idx ON conversations (handoff_priority, handoff_requested_at);

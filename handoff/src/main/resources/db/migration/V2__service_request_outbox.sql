-- Confirmed service requests on their way to the council (the durable outbox). Same dialect rules
-- as V1: runs unchanged on PostgreSQL 15 and H2 in PostgreSQL mode.
--
-- state is PENDING, DELIVERED or DEAD_LETTERED. It has no CHECK constraint: H2 2.4 rejects every
-- insert ("Check constraint invalid") into a table with a string-valued CHECK when another
-- session was open during the migration, as the connection pool's is.
--
-- reference is councilbot's reference and the idempotency key: a request is stored once however
-- often it is accepted. A row is claimed by a deliverer by setting claim_token and claimed_until
-- in a conditional UPDATE; another node may take it over only once claimed_until has passed
-- (the claimant died mid-delivery). receipt_token holds an Open311 token while the council's
-- reference is still to follow, so the request is never sent twice.
CREATE TABLE service_request_outbox (
    reference         VARCHAR(128)  NOT NULL,
    service_code      VARCHAR(128)  NOT NULL,
    payload           TEXT          NOT NULL,
    state             VARCHAR(16)   NOT NULL,
    attempts          INTEGER       NOT NULL,
    next_attempt_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    claim_token       VARCHAR(64),
    claimed_until     TIMESTAMP WITH TIME ZONE,
    last_error        VARCHAR(1000),
    council_reference VARCHAR(255),
    receipt_token     VARCHAR(255),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT service_request_outbox_pk PRIMARY KEY (reference),
    CONSTRAINT service_request_outbox_attempts CHECK (attempts >= 0)
);

-- Deliverers look for due PENDING rows; staff list DEAD_LETTERED ones.
CREATE INDEX service_request_outbox_due_idx ON service_request_outbox (state, next_attempt_at);

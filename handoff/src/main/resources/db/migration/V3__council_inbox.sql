-- The built-in council inbox: service requests kept for staff when the council has no Open311
-- server. number comes from a sequence and makes the council reference (e.g. BF-2026-000123);
-- request_reference is councilbot's reference, unique so a retried delivery finds its first row.
CREATE SEQUENCE council_inbox_number_seq START WITH 1;

CREATE TABLE council_inbox (
    council_reference VARCHAR(64)   NOT NULL,
    request_reference VARCHAR(128)  NOT NULL,
    number            BIGINT        NOT NULL,
    service_code      VARCHAR(128)  NOT NULL,
    payload           TEXT          NOT NULL,
    status            VARCHAR(32)   NOT NULL,
    status_notes      VARCHAR(2000) NOT NULL,
    received_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT council_inbox_pk PRIMARY KEY (council_reference),
    CONSTRAINT council_inbox_request_reference_uq UNIQUE (request_reference)
);

-- Staff pages are newest first.
CREATE INDEX council_inbox_number_idx ON council_inbox (number);

-- Idempotency-Key records: a retried POST gets the first answer from any control-plane instance, after a restart
-- too. A row without status is a claim whose request is still running (or whose instance died: it may be taken over
-- once it is old enough). Rows are purged after their retention.
create table idempotency_keys (
    msp_id        uuid not null references msps (id),
    key           text not null check (length(key) between 1 and 255),
    fingerprint   bytea not null,
    claimed_at    timestamptz not null,
    status        integer check (status between 100 and 599),
    headers       jsonb,
    content_type  text,
    body          bytea,
    primary key (msp_id, key)
);
create index idempotency_keys_claimed_idx on idempotency_keys (claimed_at);

-- Attempts to verify a session's requester before a sensitive tool runs: a push (Duo) or a technician's
-- confirmation. Only the outcome is kept, never the push's details (device, transaction id).
create table identity_verifications (
    id         uuid primary key,
    msp_id     uuid not null references msps (id),
    client_id  uuid not null references clients (id),
    session_id uuid not null,
    requester  text not null check (length(requester) between 1 and 320),
    method     text not null check (method in ('push', 'technician')),
    result     text not null check (result in ('verified', 'denied', 'timed_out', 'not_enrolled', 'failed')),
    by_whom    text not null check (length(by_whom) >= 1),
    at         timestamptz not null
);

create index identity_verifications_session_idx on identity_verifications (msp_id, session_id, at);

-- the activity log records them too, as lines of their own kind
alter table activity_log drop constraint activity_log_kind_check;
alter table activity_log add constraint activity_log_kind_check
    check (kind in ('tool_call', 'request', 'agent_message', 'note', 'reply', 'approval', 'verification'));

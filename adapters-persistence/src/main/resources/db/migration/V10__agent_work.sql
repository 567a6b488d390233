-- The agent does its work in its own process (issue 10). Intake records work items; the client's agent takes them with
-- a lease and every effect of a session is recorded per step, so a redelivered item never posts or runs twice.

-- Sessions keep their own progress: whether their note reached the ticket (a failed session may restart only
-- before that), how far intake has read the ticket's notes, and CLOSED once the ticket is.
alter table sessions drop constraint sessions_state_check;
alter table sessions add constraint sessions_state_check
    check (state in ('RUNNING', 'AWAITING_APPROVAL', 'COMPLETED', 'FAILED', 'CLOSED'));
alter table sessions add column note_posted boolean not null default false;
alter table sessions add column notes_seen_at timestamptz;
alter table sessions add column notes_seen_id text;
alter table sessions add constraint sessions_notes_seen_complete
    check ((notes_seen_at is null) = (notes_seen_id is null));

-- Work for the clients' agents, in the order it arrived (seq), one item per client and key ever. A lease names the
-- agent run holding the item (holder) until when; finished items stay for the record.
create table work_items (
    id            uuid primary key,
    seq           bigserial not null unique,
    msp_id        uuid not null references msps (id),
    client_id     uuid not null references clients (id),
    key           text not null check (length(key) between 1 and 200),
    kind          text not null check (kind in ('new_ticket', 'follow_up', 'approval_decided')),
    session_id    uuid not null,
    request       text,
    note_id       text,
    note_text     text,
    approval_id   uuid,
    created_at    timestamptz not null,
    lease         uuid,
    holder        uuid,
    leased_until  timestamptz,
    deliveries    integer not null default 0 check (deliveries >= 0),
    finished_at   timestamptz,
    constraint work_items_one_per_key unique (client_id, key),
    constraint work_items_lease_complete
        check ((lease is null) = (holder is null) and (lease is null) = (leased_until is null)),
    constraint work_items_kind_fields check (case kind
        when 'new_ticket' then request is not null
        when 'follow_up' then request is not null and note_id is not null and note_text is not null
        else approval_id is not null end)
);
create index work_items_open_idx on work_items (client_id, seq) where finished_at is null;

-- What each session did to the outside world, one row per step: begun before the effect, finished after it.
create table session_effects (
    session_id   uuid not null references sessions (id),
    step         text not null check (length(step) between 1 and 200),
    seq          bigserial not null,
    client_id    uuid not null references clients (id),
    kind         text not null check (kind in ('tool_call', 'note', 'internal_note', 'reply', 'approval_request',
                                               'handoff_note', 'ticket_status')),
    fingerprint  text not null,
    finished     boolean not null default false,
    outcome      text not null check (outcome in ('ok', 'failed', 'refused_by_mode', 'refused_by_policy',
                                                  'awaiting_approval', 'approved', 'denied')),
    summary      text not null,
    note_id      text,
    tool         text,
    reason       text not null,
    approval_id  uuid,
    at           timestamptz not null,
    primary key (session_id, step)
);
create index session_effects_notes_idx on session_effects (client_id, note_id) where note_id is not null;

-- Approvals keep the paused call's original arguments, sealed like integration secrets (AES-256-GCM, the approval
-- id as associated data, the key named by its fingerprint); an approval nobody decided in time expires.
alter table approvals add column sealed_arguments bytea check (length(sealed_arguments) >= 28);
alter table approvals add column arguments_key_id text check (length(arguments_key_id) = 16);
alter table approvals add constraint approvals_sealed_complete
    check ((sealed_arguments is null) = (arguments_key_id is null));
alter table approvals drop constraint approvals_state_check;
alter table approvals add constraint approvals_state_check check (state in ('pending', 'approved', 'denied', 'expired'));
create index approvals_session_idx on approvals (session_id);
create index approvals_pending_age_idx on approvals (requested_at) where state = 'pending';

-- Model tokens used per client and session, and the monthly budgets: an MSP default (client_id null) and per-client
-- overrides.
create table token_uses (
    id          bigserial primary key,
    client_id   uuid not null references clients (id),
    session_id  uuid not null,
    at          timestamptz not null,
    tokens_in   bigint not null check (tokens_in >= 0),
    tokens_out  bigint not null check (tokens_out >= 0)
);
create index token_uses_client_idx on token_uses (client_id, at);
create index token_uses_session_idx on token_uses (session_id);

create table token_budgets (
    msp_id          uuid not null references msps (id),
    client_id       uuid references clients (id),
    monthly_tokens  bigint not null check (monthly_tokens between 1 and 1000000000000),
    constraint token_budgets_one_per_scope unique nulls not distinct (msp_id, client_id)
);

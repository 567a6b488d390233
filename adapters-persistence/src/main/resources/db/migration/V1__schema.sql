-- Steward's system of record. Forward-only: never edit a released migration, add V<n+1>__<what>.sql instead.
-- Every rule the domain keeps is also a constraint here, so nothing written around the application can break it.

create table msps (
    id           uuid primary key,
    name         text not null check (length(name) between 1 and 100),
    default_mode text not null check (default_mode in ('plan', 'execute')),
    prompt       text not null default '',
    created_at   timestamptz not null,
    version      bigint not null check (version >= 1)
);

create table clients (
    id                uuid primary key,
    msp_id            uuid not null references msps (id),
    name              text not null check (length(name) between 1 and 100),
    -- collation "C": slugs sort byte-wise, as the API's keyset pages and Java's String order expect
    slug              text collate "C" not null check (slug ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
    mode              text not null check (mode in ('plan', 'execute', 'inherit')),
    status            text not null
        check (status in ('creating', 'provisioning', 'pending', 'active', 'error', 'destroyed')),
    deploy_status     text not null check (deploy_status in ('idle', 'deploying', 'error')),
    deploy_error      text,
    prompt            text not null default '',
    psa_kind          text,
    psa_company_id    text,
    config_version    bigint not null check (config_version >= 1),
    retry_failures    integer not null default 0 check (retry_failures >= 0),
    retry_next_at     timestamptz,
    status_changed_at timestamptz not null,
    created_at        timestamptz not null,
    version           bigint not null check (version >= 1),
    -- destroyed clients keep their row, so their slug stays taken
    constraint clients_msp_slug_unique unique (msp_id, slug),
    constraint clients_deploy_error_only_when_failed check ((deploy_status = 'error') = (deploy_error is not null)),
    constraint clients_psa_mapping_complete check ((psa_kind is null) = (psa_company_id is null))
);

-- the reconciler's "what is due" scan and the per-MSP list
create index clients_due_idx on clients (status_changed_at)
    where status in ('creating', 'provisioning', 'pending', 'error');
create index clients_live_idx on clients (id) where status <> 'destroyed';

create table status_changes (
    client_id   uuid not null references clients (id),
    sequence    bigint not null check (sequence >= 1),
    from_status text check (from_status in ('creating', 'provisioning', 'pending', 'active', 'error', 'destroyed')),
    to_status   text not null
        check (to_status in ('creating', 'provisioning', 'pending', 'active', 'error', 'destroyed')),
    at          timestamptz not null,
    reason      text not null,
    primary key (client_id, sequence),
    constraint status_changes_first_has_no_from check ((sequence = 1) = (from_status is null))
);

create table integrations (
    id           uuid primary key,
    msp_id       uuid not null references msps (id),
    client_id    uuid references clients (id),
    kind         text collate "C" not null check (length(kind) between 1 and 65),
    connected_at timestamptz not null,
    version      bigint not null check (version >= 1),
    -- one integration of a kind per scope; the MSP-wide scope is client_id null, hence NULLS NOT DISTINCT
    constraint integrations_one_kind_per_scope unique nulls not distinct (msp_id, client_id, kind)
);

create table integration_tools (
    integration_id uuid not null references integrations (id) on delete cascade,
    position       integer not null,
    name           text not null,
    effect         text not null check (effect in ('read_only', 'write')),
    description    text not null,
    policy         text not null check (policy in ('auto', 'approval_needed', 'disabled')),
    primary key (integration_id, name),
    unique (integration_id, position)
);

create table approvals (
    id              uuid primary key,
    msp_id          uuid not null references msps (id),
    client_id       uuid not null references clients (id),
    session_id      uuid not null,
    ticket          text not null,
    tool            text not null,
    arguments       jsonb not null check (jsonb_typeof(arguments) = 'object'),
    plan            text not null,
    requested_at    timestamptz not null,
    state           text not null check (state in ('pending', 'approved', 'denied')),
    decided_by      text,
    decided_at      timestamptz,
    decision_reason text,
    constraint approvals_decision_complete
        check ((state = 'pending') = (decided_by is null and decided_at is null and decision_reason is null))
);

create index approvals_pending_idx on approvals (msp_id, requested_at) where state = 'pending';

-- The audit log. Append-only: the triggers below refuse UPDATE, DELETE and TRUNCATE for everyone, the application
-- included. Rows reference MSP and client so an entry can never point at something that does not exist.
create table activity_log (
    id              uuid primary key,
    msp_id          uuid not null references msps (id),
    client_id       uuid not null references clients (id),
    session_id      uuid,
    ticket          text,
    at              timestamptz not null,
    kind            text not null
        check (kind in ('tool_call', 'request', 'agent_message', 'note', 'reply', 'approval')),
    tool            text,
    arguments       jsonb not null check (jsonb_typeof(arguments) = 'object'),
    outcome         text not null check (outcome in ('ok', 'failed', 'refused_by_mode', 'refused_by_policy',
                                                      'awaiting_approval', 'approved', 'denied')),
    summary         text not null,
    duration_nanos  bigint not null check (duration_nanos >= 0),
    actor           text,
    constraint activity_tool_call_names_tool check (kind <> 'tool_call' or tool is not null)
);

-- newest-first pages of one client (the client page shows its newest 50) and of a whole MSP
create index activity_client_newest_idx on activity_log (client_id, at desc, id desc);
create index activity_msp_newest_idx on activity_log (msp_id, at desc, id desc);

create function activity_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'activity_log is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger activity_log_no_update_or_delete
    before update or delete on activity_log
    for each row execute function activity_log_is_append_only();

create trigger activity_log_no_truncate
    before truncate on activity_log
    for each statement execute function activity_log_is_append_only();

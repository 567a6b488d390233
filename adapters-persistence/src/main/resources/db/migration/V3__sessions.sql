-- Agent sessions: one unit of agent work per request. (client, channel, external reference) is unique, which is what
-- makes ticket intake idempotent when a PSA delivers the same ticket twice.
create table sessions (
    id                 uuid primary key,
    client_id          uuid not null references clients (id),
    channel            text not null check (channel in ('TICKET', 'CHAT', 'VOICE')),
    external_reference text not null check (length(external_reference) between 1 and 500),
    requester          text not null,
    mode               text not null check (mode in ('plan', 'execute')),
    config_version     bigint not null check (config_version >= 1),
    state              text not null check (state in ('RUNNING', 'AWAITING_APPROVAL', 'COMPLETED', 'FAILED')),
    started_at         timestamptz not null,
    ended_at           timestamptz,
    unique (client_id, channel, external_reference),
    check ((ended_at is null) = (state in ('RUNNING', 'AWAITING_APPROVAL')))
);

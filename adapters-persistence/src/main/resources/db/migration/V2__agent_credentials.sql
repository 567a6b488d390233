-- Per-agent tokens (hashed: a token is shown once, to the runtime that starts the agent) and agent check-ins
-- (heartbeat + the configuration version the agent runs). Kept out of the clients row so that heartbeats never bump
-- a client's optimistic-concurrency version.
create table agent_credentials (
    client_id  uuid primary key references clients (id),
    token_hash text not null unique check (length(token_hash) = 64),
    issued_at  timestamptz not null default now()
);

create table agent_check_ins (
    client_id              uuid primary key references clients (id),
    running_config_version bigint not null check (running_config_version >= 1),
    checked_in_at          timestamptz not null
);

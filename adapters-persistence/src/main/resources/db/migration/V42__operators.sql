-- Operators run the installation's MSPs: they create, list, suspend and resume MSPs and create each MSP's first
-- admin through /api/v1/operator, and read nothing inside an MSP. Their credentials are created with the CLI and kept
-- only as the SHA-256 of their secret. A suspended MSP's users, tokens, webhooks and agents are refused.
alter table msps add column suspended_at timestamptz;

create table operators (
    id          uuid primary key,
    name        text not null check (length(name) between 1 and 100),
    secret_hash text not null unique check (length(secret_hash) = 64),
    created_at  timestamptz not null,
    revoked_at  timestamptz
);

-- Authorizations a person started in their browser (OAuth 2.1 with PKCE, for an MCP server that advertises it) and
-- has not finished: kept here so that the authorization server may send them back to any control plane of the
-- installation. A row is found by the SHA-256 of its state (the state itself, a bearer value, is never stored) and
-- deleted when it is taken, so each is used once; expired rows are deleted when any is taken. The secrets (the PKCE
-- verifier, a registered client's secret) are one JSON object sealed with the installation's key, bound to the row
-- by the associated data, as integration secrets are (V4).
create table pending_authorizations (
    state_hash   text primary key check (length(state_hash) = 64),
    msp_id       uuid not null references msps (id) on delete cascade,
    client_slug  text check (client_slug is null or length(client_slug) between 1 and 100),
    kind         text not null check (length(kind) between 1 and 100),
    settings     jsonb not null check (jsonb_typeof(settings) = 'object'),
    -- 12-byte nonce followed by the ciphertext and its 16-byte tag
    secrets      bytea not null check (length(secrets) >= 28),
    key_id       text not null check (length(key_id) = 16),
    redirect_uri text not null check (length(redirect_uri) between 1 and 2000),
    expires_at   timestamptz not null
);

create index pending_authorizations_expiry on pending_authorizations (expires_at);

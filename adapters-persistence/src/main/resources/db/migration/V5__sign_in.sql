-- Sign-in: the MSPs' users, their browser sessions and the MSPs' API tokens. Sessions and tokens are kept only as
-- SHA-256 hashes of their secrets (64 hex characters), so a copy of the database signs nobody in.
create table users (
    id            uuid primary key,
    msp_id        uuid not null references msps (id),
    email         text not null unique check (email = lower(email) and length(email) between 3 and 254),
    role          text not null check (role in ('admin', 'technician', 'viewer')),
    password_hash text not null check (length(password_hash) > 0),
    created_at    timestamptz not null
);
create index users_msp_idx on users (msp_id, email);

create table web_sessions (
    token_hash text primary key check (length(token_hash) = 64),
    user_id    uuid not null references users (id) on delete cascade,
    csrf_token text not null,
    created_at timestamptz not null,
    expires_at timestamptz not null check (expires_at > created_at)
);
create index web_sessions_user_idx on web_sessions (user_id);
create index web_sessions_expiry_idx on web_sessions (expires_at);

create table api_tokens (
    id          uuid primary key,
    msp_id      uuid not null references msps (id),
    name        text not null check (length(name) between 1 and 100),
    last_four   text not null check (length(last_four) = 4),
    secret_hash text not null unique check (length(secret_hash) = 64),
    created_at  timestamptz not null,
    created_by  uuid not null references users (id),
    revoked_at  timestamptz
);
create index api_tokens_msp_idx on api_tokens (msp_id, created_at desc);

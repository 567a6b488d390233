-- Users are disabled, not deleted (audit lines keep naming them); a disabled user's sessions and tokens stop.
alter table users add column disabled_at timestamptz;

-- One-time links to set a password (a new user's first, or after an admin's reset): only the SHA-256 of the link's
-- secret is kept, and a link is deleted when used. A user has at most one live link.
create table password_links (
    secret_hash text primary key check (length(secret_hash) = 64),
    user_id     uuid not null unique references users (id) on delete cascade,
    expires_at  timestamptz not null
);
create index password_links_expiry_idx on password_links (expires_at);

-- An integration's connection values. Settings are kept in clear (they are shown back to technicians); every secret
-- is encrypted by the control plane with AES-256-GCM before it is written, so the database, its backups and its logs
-- never hold a clear secret. The GCM associated data binds each ciphertext to its integration and name, so a value
-- copied onto another row does not decrypt. key_id names the key (a fingerprint, not the key) so that a control plane
-- started with another key says so instead of failing on every read.
create table integration_settings (
    integration_id uuid primary key references integrations (id) on delete cascade,
    msp_id         uuid not null references msps (id),
    settings       jsonb not null check (jsonb_typeof(settings) = 'object')
);

create table integration_secrets (
    integration_id uuid not null references integration_settings (integration_id) on delete cascade,
    name           text not null check (length(name) between 1 and 64),
    -- 12-byte nonce followed by the ciphertext and its 16-byte tag
    ciphertext     bytea not null check (length(ciphertext) >= 28),
    key_id         text not null check (length(key_id) = 16),
    primary key (integration_id, name)
);

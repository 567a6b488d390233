-- Which directory entry of an integration kind each client is (a Microsoft 365 tenant, a Hudu company ...): one per
-- client and kind (the key), and an entry of a kind belongs to one client of an MSP only, so one client's calls can
-- never reach another client's data.
create table client_mappings (
    msp_id      uuid not null references msps (id),
    client_id   uuid not null references clients (id),
    kind        text collate "C" not null check (length(kind) between 1 and 32),
    external_id text not null check (length(external_id) between 1 and 200),
    label       text not null check (length(label) <= 200),
    primary key (client_id, kind),
    constraint client_mappings_one_client_per_entry unique (msp_id, kind, external_id)
);

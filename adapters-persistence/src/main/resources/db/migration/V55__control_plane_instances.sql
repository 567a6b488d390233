-- Several control planes on one database. Each running instance heartbeats into control_plane_instances (the
-- database's clock decides who is live, so the instances' clocks need not agree). agent_placements says which
-- instance runs each client's in-process agent: exactly one row per client, moved to a live instance when its own
-- stops heartbeating.
create table control_plane_instances (
    id           uuid primary key,
    host         text not null,
    started_at   timestamptz not null default now(),
    heartbeat_at timestamptz not null default now()
);
create index control_plane_instances_heartbeat_idx on control_plane_instances (heartbeat_at);

create table agent_placements (
    client_id      uuid primary key references clients (id),
    msp_id         uuid not null references msps (id),
    slug           text not null,
    instance_id    uuid not null,  -- no foreign key: dead instances are purged, their placements taken over
    config_version bigint not null check (config_version >= 0),
    exit_code      integer,        -- set once the agent died; null while it runs
    detail         text not null default '',
    placed_at      timestamptz not null default now()
);
create index agent_placements_instance_idx on agent_placements (instance_id);

-- Runbooks an MSP wrote for the runbook reasoner: MSP-wide (client_id null) or for one client. Steps and planned
-- actions are child rows in order; their arguments are flat string maps, hence a jsonb object each.
create table runbooks (
    id         uuid primary key,
    msp_id     uuid not null references msps (id),
    client_id  uuid references clients (id),
    name       text collate "C" not null check (length(name) between 1 and 200),
    triggers   text[] not null check (cardinality(triggers) >= 1),
    updated_at timestamptz not null,
    -- one name per scope; the MSP-wide scope is client_id null, hence NULLS NOT DISTINCT
    constraint runbooks_one_name_per_scope unique nulls not distinct (msp_id, client_id, name)
);

create table runbook_steps (
    runbook_id uuid not null references runbooks (id) on delete cascade,
    position   integer not null,
    tool       text not null,
    arguments  jsonb not null check (jsonb_typeof(arguments) = 'object'),
    primary key (runbook_id, position)
);

create table runbook_actions (
    runbook_id uuid not null references runbooks (id) on delete cascade,
    position   integer not null,
    tool       text not null,
    arguments  jsonb not null check (jsonb_typeof(arguments) = 'object'),
    reason     text not null,
    primary key (runbook_id, position)
);

-- Workflows replace runbooks (issue 15). A workflow is a one-sentence trigger (its quoted phrases are what the runbook
-- reasoner matches), instructions for a model, optional structured steps, a status and a scope: MSP-wide (client_id
-- null) or one client. Every change is a new version; workflow_versions keeps each one whole (sessions refer to the
-- versions they used), workflows the current one. Nothing is deleted: workflows are archived.
create table workflows (
    id           uuid primary key,
    msp_id       uuid not null references msps (id),
    client_id    uuid references clients (id),
    name         text not null check (length(name) between 1 and 200 and name = btrim(name)),
    trigger      text not null check (length(trigger) between 1 and 300),
    instructions text not null check (length(instructions) between 1 and 20000),
    -- {"checks": [{"tool", "arguments"}], "actions": [{"tool", "arguments", "reason"}]}, each in order
    steps        jsonb not null check (jsonb_typeof(steps -> 'checks') = 'array'
                                       and jsonb_typeof(steps -> 'actions') = 'array'),
    status       text not null check (status in ('draft', 'active', 'archived')),
    version      integer not null check (version >= 1),
    changed_by   text not null check (length(changed_by) >= 1),
    changed_at   timestamptz not null
);

-- one name per scope, ignoring case; the MSP-wide scope is client_id null, hence NULLS NOT DISTINCT
create unique index workflows_one_name_per_scope on workflows (msp_id, client_id, lower(name)) nulls not distinct;
create index workflows_by_client on workflows (client_id) where client_id is not null;

create table workflow_versions (
    workflow_id  uuid not null references workflows (id),
    version      integer not null check (version >= 1),
    name         text not null,
    trigger      text not null,
    instructions text not null,
    steps        jsonb not null,
    status       text not null check (status in ('draft', 'active', 'archived')),
    changed_by   text not null,
    changed_at   timestamptz not null,
    primary key (workflow_id, version)
);

-- The runbooks move over, nothing lost (runbooks stay until V61 drops them, once nothing reads them): the name;
-- the trigger phrases as one sentence quoting each ('The request mentions "a", "b" or "c".'); the checks and planned
-- actions in order with their arguments and reasons; and instructions written out from all of it, since a runbook had
-- none. Runbooks were live, so workflows are active; version 1 is by "migration" at the runbook's last update.
-- What a sentence cannot hold changes visibly, and the instructions keep the original phrases: a double quote in a
-- phrase becomes a single one, a line break a space, a phrase without letters or digits is left out of the
-- sentence, and phrases that would make it longer than 300 characters are left out from the end. Two runbooks whose
-- names differ only in case (allowed then, not now) keep both, the second as "name (2)".
create function pg_temp.trigger_sentence(phrases text[]) returns text language sql immutable as $$
    select 'The request mentions '
           || string_agg('"' || p || '"', case when i = total then ' or ' else ', ' end order by i) || '.'
    from (select p, row_number() over (order by position) as i, count(*) over () as total
          from unnest(phrases) with ordinality as t(raw, position),
               lateral (select btrim(regexp_replace(translate(raw, '"“”', ''''''''), '[[:cntrl:]]+', ' ', 'g')) as p) c
          where p ~ '[[:alnum:]]') usable
$$;

create function pg_temp.fitting_trigger(phrases text[]) returns text language sql immutable as $$
    select coalesce((select s from generate_series(cardinality(phrases), 1, -1) as n,
                            lateral (select pg_temp.trigger_sentence(phrases[1:n]) as s) t
                     where length(s) <= 300 order by n desc limit 1),
                    'The runbook this came from had no phrase that a sentence can quote.')
$$;

insert into workflows (id, msp_id, client_id, name, trigger, instructions, steps, status, version, changed_by,
                       changed_at)
select r.id, r.msp_id, r.client_id,
       case when r.nth = 1 then r.name else left(r.name, 190) || ' (' || r.nth || ')' end,
       pg_temp.fitting_trigger(r.triggers),
       left('Migrated from the runbook "' || r.name || '", which applied when the request mentioned any of: '
           || array_to_string(r.triggers, '; ') || '.'
           || coalesce(E'
Checks, in order: ' || (select string_agg(s.tool || ' ' || s.arguments::text, '; '
                                                                     order by s.position)
                                                  from runbook_steps s where s.runbook_id = r.id) || '.', '')
           || coalesce(E'
Planned actions, in order: '
                       || (select string_agg(a.tool || ' ' || a.arguments::text
                                             || case when a.reason = '' then '' else ' (' || a.reason || ')' end,
                                             '; ' order by a.position)
                           from runbook_actions a where a.runbook_id = r.id) || '.', ''), 20000),
       jsonb_build_object(
           'checks', coalesce((select jsonb_agg(jsonb_build_object('tool', s.tool, 'arguments', s.arguments)
                                                order by s.position)
                               from runbook_steps s where s.runbook_id = r.id), '[]'::jsonb),
           'actions', coalesce((select jsonb_agg(jsonb_build_object('tool', a.tool, 'arguments', a.arguments,
                                                                    'reason', a.reason) order by a.position)
                                from runbook_actions a where a.runbook_id = r.id), '[]'::jsonb)),
       'active', 1, 'migration', r.updated_at
from (select runbooks.*, row_number() over (partition by msp_id, client_id, lower(name) order by name) as nth
      from runbooks) r
where not exists (select 1 from workflows w where w.id = r.id);

insert into workflow_versions (workflow_id, version, name, trigger, instructions, steps, status, changed_by,
                               changed_at)
select id, version, name, trigger, instructions, steps, status, changed_by, changed_at from workflows w
where not exists (select 1 from workflow_versions v where v.workflow_id = w.id);

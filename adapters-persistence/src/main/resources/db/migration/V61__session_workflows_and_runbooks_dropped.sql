-- Which workflow versions each session used (issue 15): built-in ones too, so no reference to workflows; the name is
-- kept as it was then. A note delivered again records nothing twice.
create table session_workflows (
    session_id  uuid not null,
    msp_id      uuid not null references msps (id),
    workflow_id uuid not null,
    version     integer not null check (version >= 1),
    name        text not null check (length(name) between 1 and 200),
    primary key (session_id, workflow_id, version)
);

-- Nothing reads runbooks any more: the last ones written since V60 move like the others, then their tables go.
create or replace function pg_temp.trigger_sentence(phrases text[]) returns text language sql immutable as $$
    select 'The request mentions '
           || string_agg('"' || p || '"', case when i = total then ' or ' else ', ' end order by i) || '.'
    from (select p, row_number() over (order by position) as i, count(*) over () as total
          from unnest(phrases) with ordinality as t(raw, position),
               lateral (select btrim(regexp_replace(translate(raw, '"“”', ''''''''), '[[:cntrl:]]+', ' ', 'g')) as p) c
          where p ~ '[[:alnum:]]') usable
$$;

create or replace function pg_temp.fitting_trigger(phrases text[]) returns text language sql immutable as $$
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

drop table runbook_actions;
drop table runbook_steps;
drop table runbooks;

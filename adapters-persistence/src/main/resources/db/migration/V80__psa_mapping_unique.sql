-- A PSA company maps to at most one live client, so a ticket reaches exactly one agent, and finding that client is
-- one indexed lookup (IntakeTicketService on every ticket). Two concurrent mappings of one company cannot both win.
--
-- Before the index, a race between two mappings could leave a company on two live clients, where ticket routing was
-- ambiguous. Such a company stays with the client that was created first; the later clients keep everything else and
-- become unmapped (their mapping can be set again to another company).
update clients later
set psa_kind = null, psa_company_id = null, version = later.version + 1
where later.psa_kind is not null
  and later.status <> 'destroyed'
  and exists (select 1
              from clients earlier
              where earlier.msp_id = later.msp_id
                and earlier.psa_kind = later.psa_kind
                and earlier.psa_company_id = later.psa_company_id
                and earlier.status <> 'destroyed'
                and (earlier.created_at, earlier.id) < (later.created_at, later.id));

create unique index clients_psa_mapping_unique on clients (msp_id, psa_kind, psa_company_id)
    where psa_kind is not null and status <> 'destroyed';

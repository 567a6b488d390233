-- A pending authorization may be of an integration that is connected already (its OAuth grant ran out and it is
-- authorized again, keeping its tools' policies): the integration it renews. Gone with the integration.
alter table pending_authorizations
    add column integration_id uuid references integrations (id) on delete cascade;

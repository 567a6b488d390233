-- An API token acts with its own role, at most its issuer's (checked when issued and again, against the issuer's
-- current role, when used). Tokens issued before roles existed acted as technicians, and keep doing so.
alter table api_tokens add column role text not null default 'technician'
    check (role in ('admin', 'technician', 'viewer'));
alter table api_tokens alter column role drop default;

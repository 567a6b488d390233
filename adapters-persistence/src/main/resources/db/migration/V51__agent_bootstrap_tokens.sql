-- An agent starts with a one-time bootstrap token and exchanges it at first contact for its session token
-- (AgentCredentials): a row holds one of the two hashes at a time.
alter table agent_credentials alter column token_hash drop not null;
alter table agent_credentials add column bootstrap_hash text unique check (length(bootstrap_hash) = 64);
alter table agent_credentials add constraint agent_credentials_one_token
    check ((token_hash is null) <> (bootstrap_hash is null));

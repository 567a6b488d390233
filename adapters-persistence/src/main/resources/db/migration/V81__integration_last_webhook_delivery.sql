-- When the last webhook delivery of an MSP's PSA was accepted, shown on the Integrations page so that an MSP sees
-- whether its webhook works (null: never). Not part of the integration's version: a delivery is no edit.
alter table integrations add column last_webhook_delivery_at timestamptz;

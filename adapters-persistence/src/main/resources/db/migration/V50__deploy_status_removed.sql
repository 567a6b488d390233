-- Deploy status follows the agent's status (Client.movedTo): a deleted client's agent is 'removed'. Rows written
-- before that rule get the status it would have given them.
alter table clients drop constraint clients_deploy_status_check;
alter table clients add constraint clients_deploy_status_check
    check (deploy_status in ('idle', 'deploying', 'error', 'removed'));

update clients set deploy_status = 'removed', deploy_error = null where status = 'destroyed';
update clients set deploy_status = 'deploying', deploy_error = null
    where status in ('creating', 'provisioning', 'pending') and deploy_status <> 'deploying';

-- The resources an agent reports about itself with each check-in (CPU, memory, I/O as it measures them), so
-- Diagnostics shows real figures wherever the agent runs, e.g. on another Swarm node. All null: no usage reported.
alter table agent_check_ins
    add column cpu_percent        double precision,
    add column memory_used_bytes  bigint,
    add column memory_limit_bytes bigint,
    add column network_rx_bytes   bigint,
    add column network_tx_bytes   bigint,
    add column block_read_bytes   bigint,
    add column block_write_bytes  bigint;

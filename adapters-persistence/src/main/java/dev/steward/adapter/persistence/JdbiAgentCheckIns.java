package dev.steward.adapter.persistence;

import static dev.steward.adapter.persistence.Columns.ts;

import dev.steward.application.port.runtime.AgentCheckIns;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.diagnostics.Diagnostics.ResourceUsage;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Agent check-ins in PostgreSQL: one row per client (with the usage the agent reported last; a check-in without usage
 * keeps it), only ever moved forward in time.
 */
public final class JdbiAgentCheckIns implements AgentCheckIns {

    private static final String COLUMNS = """
            client_id, running_config_version, checked_in_at, cpu_percent, memory_used_bytes, memory_limit_bytes,
            network_rx_bytes, network_tx_bytes, block_read_bytes, block_write_bytes""";

    private final JdbiUnitOfWork db;

    @Inject
    public JdbiAgentCheckIns(JdbiUnitOfWork db) {
        this.db = db;
    }

    @Override
    public void record(CheckIn checkIn) {
        Optional<ResourceUsage> usage = checkIn.usage();
        db.withHandle(h -> h.createUpdate("""
                        insert into agent_check_ins (client_id, running_config_version, checked_in_at, cpu_percent,
                                                     memory_used_bytes, memory_limit_bytes, network_rx_bytes,
                                                     network_tx_bytes, block_read_bytes, block_write_bytes)
                        values (:client, :version, :at, :cpu, :memUsed, :memLimit, :rx, :tx, :read, :written)
                        on conflict (client_id) do update
                            set running_config_version = excluded.running_config_version,
                                checked_in_at = excluded.checked_in_at,
                                cpu_percent = coalesce(excluded.cpu_percent, agent_check_ins.cpu_percent),
                                memory_used_bytes = coalesce(excluded.memory_used_bytes, agent_check_ins.memory_used_bytes),
                                memory_limit_bytes = coalesce(excluded.memory_limit_bytes, agent_check_ins.memory_limit_bytes),
                                network_rx_bytes = coalesce(excluded.network_rx_bytes, agent_check_ins.network_rx_bytes),
                                network_tx_bytes = coalesce(excluded.network_tx_bytes, agent_check_ins.network_tx_bytes),
                                block_read_bytes = coalesce(excluded.block_read_bytes, agent_check_ins.block_read_bytes),
                                block_write_bytes = coalesce(excluded.block_write_bytes, agent_check_ins.block_write_bytes)
                            where agent_check_ins.checked_in_at <= excluded.checked_in_at""")
                .bind("client", checkIn.client().value())
                .bind("version", checkIn.runningConfigVersion())
                .bind("at", ts(checkIn.at()))
                .bind("cpu", usage.map(ResourceUsage::cpuPercent).orElse(null))
                .bind("memUsed", usage.map(ResourceUsage::memoryUsedBytes).orElse(null))
                .bind("memLimit", usage.map(ResourceUsage::memoryLimitBytes).orElse(null))
                .bind("rx", usage.map(ResourceUsage::networkRxBytes).orElse(null))
                .bind("tx", usage.map(ResourceUsage::networkTxBytes).orElse(null))
                .bind("read", usage.map(ResourceUsage::blockReadBytes).orElse(null))
                .bind("written", usage.map(ResourceUsage::blockWriteBytes).orElse(null))
                .execute());
    }

    @Override
    public Optional<CheckIn> latest(ClientId client) {
        return db.withHandle(h -> h.createQuery("select " + COLUMNS + " from agent_check_ins where client_id = :client")
                .bind("client", client.value())
                .map((rs, ctx) -> checkIn(rs))
                .findOne());
    }

    /** One query for the whole list: the reconciler's full pass judges every live agent by its latest check-in. */
    @Override
    public Map<ClientId, CheckIn> latest(Collection<ClientId> clients) {
        if (clients.isEmpty()) {
            return Map.of();
        }
        UUID[] ids = clients.stream().map(ClientId::value).distinct().toArray(UUID[]::new);
        return db.withHandle(h -> h.createQuery("select " + COLUMNS
                        + " from agent_check_ins where client_id = any(:clients)")
                .bindArray("clients", UUID.class, ids)
                .map((rs, ctx) -> checkIn(rs))
                .list().stream().collect(Collectors.toMap(CheckIn::client, checkIn -> checkIn)));
    }

    private static CheckIn checkIn(ResultSet rs) throws SQLException {
        double cpu = rs.getDouble("cpu_percent");
        Optional<ResourceUsage> usage = rs.wasNull() ? Optional.empty() : Optional.of(new ResourceUsage(cpu,
                rs.getLong("memory_used_bytes"), rs.getLong("memory_limit_bytes"),
                rs.getLong("network_rx_bytes"), rs.getLong("network_tx_bytes"),
                rs.getLong("block_read_bytes"), rs.getLong("block_write_bytes")));
        return new CheckIn(new ClientId(rs.getObject("client_id", UUID.class)), rs.getLong("running_config_version"),
                rs.getObject("checked_in_at", OffsetDateTime.class).toInstant(), usage);
    }

    @Override
    public void forget(ClientId client) {
        db.withHandle(h -> h.createUpdate("delete from agent_check_ins where client_id = :client")
                .bind("client", client.value())
                .execute());
    }
}

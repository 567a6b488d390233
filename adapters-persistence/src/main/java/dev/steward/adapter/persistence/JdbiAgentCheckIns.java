package dev.steward.adapter.persistence;

import static dev.steward.adapter.persistence.Columns.ts;

import dev.steward.application.port.AgentCheckIns;
import dev.steward.domain.client.ClientId;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Agent check-ins in PostgreSQL: one row per client, only ever moved forward in time. */
public final class JdbiAgentCheckIns implements AgentCheckIns {

    private final JdbiUnitOfWork db;

    @Inject
    public JdbiAgentCheckIns(JdbiUnitOfWork db) {
        this.db = db;
    }

    @Override
    public void record(CheckIn checkIn) {
        db.withHandle(h -> h.createUpdate("""
                        insert into agent_check_ins (client_id, running_config_version, checked_in_at)
                        values (:client, :version, :at)
                        on conflict (client_id) do update
                            set running_config_version = excluded.running_config_version,
                                checked_in_at = excluded.checked_in_at
                            where agent_check_ins.checked_in_at <= excluded.checked_in_at""")
                .bind("client", checkIn.client().value())
                .bind("version", checkIn.runningConfigVersion())
                .bind("at", ts(checkIn.at()))
                .execute());
    }

    @Override
    public Optional<CheckIn> latest(ClientId client) {
        return db.withHandle(h -> h.createQuery("""
                        select running_config_version, checked_in_at from agent_check_ins where client_id = :client""")
                .bind("client", client.value())
                .map((rs, ctx) -> new CheckIn(client, rs.getLong("running_config_version"),
                        rs.getObject("checked_in_at", OffsetDateTime.class).toInstant()))
                .findOne());
    }

    @Override
    public void forget(ClientId client) {
        db.withHandle(h -> h.createUpdate("delete from agent_check_ins where client_id = :client")
                .bind("client", client.value())
                .execute());
    }
}

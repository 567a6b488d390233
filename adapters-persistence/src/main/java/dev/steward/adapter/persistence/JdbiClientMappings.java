package dev.steward.adapter.persistence;

import dev.steward.application.port.client.ClientMappings;
import dev.steward.application.problem.Conflict;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.ClientMapping;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Client mappings in PostgreSQL. "One per client and kind" is the primary key (a save upserts on it); "one client
 * per entry" is the unique constraint, whose violation (also by a concurrent save) is the port's Conflict.
 */
public final class JdbiClientMappings implements ClientMappings {

    private static final String UNIQUE_VIOLATION = "23505";

    private final JdbiUnitOfWork db;

    @Inject
    public JdbiClientMappings(JdbiUnitOfWork db) {
        this.db = db;
    }

    @Override
    public ClientMapping save(ClientMapping mapping) {
        return db.withHandle(h -> {
            try {
                h.createUpdate("""
                                insert into client_mappings (msp_id, client_id, kind, external_id, label)
                                values (:msp, :client, :kind, :externalId, :label)
                                on conflict (client_id, kind)
                                do update set external_id = excluded.external_id, label = excluded.label""")
                        .bind("msp", mapping.msp().value())
                        .bind("client", mapping.client().value())
                        .bind("kind", mapping.kind())
                        .bind("externalId", mapping.externalId())
                        .bind("label", mapping.label())
                        .execute();
            } catch (UnableToExecuteStatementException e) {
                if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    throw Conflict.of("mapping.taken", "another client is already mapped to " + mapping.kind()
                            + " entry " + mapping.externalId());
                }
                throw e;
            }
            return mapping;
        });
    }

    @Override
    public Optional<ClientMapping> find(MspId msp, ClientId client, String kind) {
        return db.read(h -> select(h, "msp_id = :msp and client_id = :client and kind = :kind",
                Map.of("msp", msp.value(), "client", client.value(), "kind", kind)).stream().findFirst());
    }

    @Override
    public Optional<ClientMapping> findByExternalId(MspId msp, String kind, String externalId) {
        return db.read(h -> select(h, "msp_id = :msp and kind = :kind and external_id = :externalId",
                Map.of("msp", msp.value(), "kind", kind, "externalId", externalId)).stream().findFirst());
    }

    @Override
    public List<ClientMapping> ofClient(MspId msp, ClientId client) {
        return db.read(h -> select(h, "msp_id = :msp and client_id = :client",
                Map.of("msp", msp.value(), "client", client.value())));
    }

    @Override
    public void remove(MspId msp, ClientId client, String kind) {
        db.withHandle(h -> h.createUpdate("""
                        delete from client_mappings where msp_id = :msp and client_id = :client and kind = :kind""")
                .bind("msp", msp.value()).bind("client", client.value()).bind("kind", kind).execute());
    }

    private static List<ClientMapping> select(Handle h, String where, Map<String, Object> params) {
        return h.createQuery("select * from client_mappings where " + where + " order by kind").bindMap(params)
                .map((rs, ctx) -> new ClientMapping(new MspId(Columns.uuid(rs, "msp_id")),
                        new ClientId(Columns.uuid(rs, "client_id")), rs.getString("kind"),
                        rs.getString("external_id"), rs.getString("label")))
                .list();
    }
}

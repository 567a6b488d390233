package dev.steward.adapter.persistence;

import static dev.steward.adapter.persistence.Columns.ts;

import dev.steward.application.port.IntegrationRepository;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolEffect;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolPolicy;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Integrations in PostgreSQL: one row per integration, one {@code integration_tools} row per tool with its policy.
 * "One kind per scope" is the table's unique constraint (NULLS NOT DISTINCT, so the MSP-wide scope counts too).
 */
public final class JdbiIntegrationRepository implements IntegrationRepository {

    private record Row(IntegrationId id, MspId msp, Optional<ClientId> client, String kind, Instant connectedAt,
                       long version) {}

    private record ToolRow(UUID integration, Tool tool, ToolPolicy policy) {}

    private final JdbiUnitOfWork db;

    @Inject
    public JdbiIntegrationRepository(JdbiUnitOfWork db) {
        this.db = db;
    }

    @Override
    public Integration add(Integration integration) {
        return db.withHandle(h -> {
            int inserted = h.createUpdate("""
                            insert into integrations (id, msp_id, client_id, kind, connected_at, version)
                            values (:id, :msp, :client, :kind, :connectedAt, 1)
                            on conflict do nothing""")
                    .bind("id", integration.id().value())
                    .bind("msp", integration.msp().value())
                    .bind("client", integration.client().map(ClientId::value).orElse(null))
                    .bind("kind", integration.kind())
                    .bind("connectedAt", ts(integration.connectedAt()))
                    .execute();
            if (inserted == 0) {
                throw Conflict.of("integration.exists", integration.kind() + " is already connected here");
            }
            insertTools(h, integration);
            return integration.atVersion(1);
        });
    }

    @Override
    public Optional<Integration> find(MspId msp, IntegrationId id) {
        return db.read(h -> select(h, "where id = :id and msp_id = :msp", Map.of("id", id.value(),
                "msp", msp.value())).stream().findFirst());
    }

    @Override
    public List<Integration> list(MspId msp, Optional<ClientId> client) {
        return db.read(h -> client.isPresent()
                ? select(h, "where msp_id = :msp and client_id = :client order by kind",
                        Map.of("msp", msp.value(), "client", client.get().value()))
                : select(h, "where msp_id = :msp and client_id is null order by kind", Map.of("msp", msp.value())));
    }

    private static List<Integration> select(Handle h, String where, Map<String, Object> params) {
        List<Row> rows = h.createQuery("select * from integrations " + where).bindMap(params)
                .map((rs, ctx) -> new Row(new IntegrationId(Columns.uuid(rs, "id")),
                        new MspId(Columns.uuid(rs, "msp_id")),
                        Optional.ofNullable(Columns.uuid(rs, "client_id")).map(ClientId::new),
                        rs.getString("kind"), Columns.instant(rs, "connected_at"), rs.getLong("version")))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<ToolRow> tools = h.createQuery("""
                        select * from integration_tools where integration_id = any(:ids)
                        order by integration_id, position""")
                .bindArray("ids", UUID.class, rows.stream().map(r -> r.id().value()).toArray(UUID[]::new))
                .map((rs, ctx) -> new ToolRow(Columns.uuid(rs, "integration_id"),
                        new Tool(ToolName.of(rs.getString("name")),
                                ToolEffect.valueOf(rs.getString("effect").toUpperCase(Locale.ROOT)),
                                rs.getString("description")),
                        ToolPolicy.valueOf(rs.getString("policy").toUpperCase(Locale.ROOT))))
                .list();
        List<Integration> integrations = new ArrayList<>(rows.size());
        for (Row row : rows) {
            List<Tool> own = new ArrayList<>();
            Map<ToolName, ToolPolicy> policies = new LinkedHashMap<>();
            for (ToolRow tool : tools) {
                if (tool.integration().equals(row.id().value())) {
                    own.add(tool.tool());
                    policies.put(tool.tool().name(), tool.policy());
                }
            }
            integrations.add(new Integration(row.id(), row.msp(), row.client(), row.kind(), own, policies,
                    row.connectedAt(), row.version()));
        }
        return integrations;
    }

    @Override
    public Integration update(Integration integration) {
        return db.withHandle(h -> {
            int updated = h.createUpdate("""
                            update integrations set version = version + 1
                            where id = :id and msp_id = :msp and version = :version""")
                    .bind("id", integration.id().value())
                    .bind("msp", integration.msp().value())
                    .bind("version", integration.version())
                    .execute();
            if (updated == 0) {
                Integration stored = select(h, "where id = :id and msp_id = :msp", Map.of("id",
                        integration.id().value(), "msp", integration.msp().value())).stream().findFirst()
                        .orElseThrow(() -> new NotFound("integration", integration.id().toString()));
                throw Conflict.staleVersion("integration " + integration.kind(), integration.version(),
                        stored.version());
            }
            h.createUpdate("delete from integration_tools where integration_id = :id")
                    .bind("id", integration.id().value()).execute();
            insertTools(h, integration);
            return integration.atVersion(integration.version() + 1);
        });
    }

    @Override
    public void remove(MspId msp, IntegrationId id) {
        db.withHandle(h -> h.createUpdate("delete from integrations where id = :id and msp_id = :msp")
                .bind("id", id.value()).bind("msp", msp.value()).execute());
    }

    private static void insertTools(Handle h, Integration integration) {
        if (integration.tools().isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch("""
                insert into integration_tools (integration_id, position, name, effect, description, policy)
                values (:integration, :position, :name, :effect, :description, :policy)""");
        int position = 0;
        for (Tool tool : integration.tools()) {
            batch.bind("integration", integration.id().value())
                    .bind("position", position++)
                    .bind("name", tool.name().value())
                    .bind("effect", tool.effect().name().toLowerCase(Locale.ROOT))
                    .bind("description", tool.description())
                    .bind("policy", integration.policyOf(tool.name()).label())
                    .add();
        }
        batch.execute();
    }
}

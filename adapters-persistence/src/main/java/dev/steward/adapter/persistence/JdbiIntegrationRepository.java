package dev.steward.adapter.persistence;

import static dev.steward.adapter.persistence.Columns.ts;

import dev.steward.application.port.integration.IntegrationRepository;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolEffect;
import dev.steward.domain.integration.ToolInput;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolParameter;
import dev.steward.domain.integration.ToolPolicy;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Integrations in PostgreSQL: one row per integration, one {@code integration_tools} row per tool with its policy and
 * sensitivity, one {@code integration_tool_parameters} row per parameter of a tool. "One kind per scope" is the
 * table's unique constraint (NULLS NOT DISTINCT, so the MSP-wide scope counts too).
 */
public final class JdbiIntegrationRepository implements IntegrationRepository {

    private record Row(IntegrationId id, MspId msp, Optional<ClientId> client, String kind, Instant connectedAt,
                       long version) {}

    private record ToolRow(UUID integration, Tool tool, ToolPolicy policy, boolean marked) {}

    private record ParameterRow(UUID integration, String tool, ToolParameter parameter) {}

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
        UUID[] ids = rows.stream().map(r -> r.id().value()).toArray(UUID[]::new);
        List<ParameterRow> parameters = h.createQuery("""
                        select * from integration_tool_parameters where integration_id = any(:ids)
                        order by integration_id, tool, position""")
                .bindArray("ids", UUID.class, ids)
                .map((rs, ctx) -> new ParameterRow(Columns.uuid(rs, "integration_id"), rs.getString("tool"),
                        new ToolParameter(rs.getString("name"),
                                ToolParameter.Type.parse("type", rs.getString("type")), rs.getBoolean("required"),
                                rs.getString("description"), List.of((String[]) rs.getArray("allowed").getArray()),
                                Optional.ofNullable(rs.getString("pattern")),
                                rs.getObject("max_length") == null ? OptionalInt.empty()
                                        : OptionalInt.of(rs.getInt("max_length")))))
                .list();
        List<ToolRow> tools = h.createQuery("""
                        select * from integration_tools where integration_id = any(:ids)
                        order by integration_id, position""")
                .bindArray("ids", UUID.class, ids)
                .map((rs, ctx) -> {
                    UUID integration = Columns.uuid(rs, "integration_id");
                    String name = rs.getString("name");
                    List<ToolParameter> own = parameters.stream()
                            .filter(p -> p.integration().equals(integration) && p.tool().equals(name))
                            .map(ParameterRow::parameter).toList();
                    return new ToolRow(integration, new Tool(ToolName.of(name),
                            ToolEffect.valueOf(rs.getString("effect").toUpperCase(Locale.ROOT)),
                            rs.getString("description"),
                            new ToolInput(own, Optional.ofNullable(rs.getString("input_schema"))),
                            rs.getBoolean("sensitive")),
                            ToolPolicy.valueOf(rs.getString("policy").toUpperCase(Locale.ROOT)),
                            rs.getBoolean("marked_sensitive"));
                })
                .list();
        List<Integration> integrations = new ArrayList<>(rows.size());
        for (Row row : rows) {
            List<Tool> own = new ArrayList<>();
            Map<ToolName, ToolPolicy> policies = new LinkedHashMap<>();
            Set<ToolName> marked = new HashSet<>();
            for (ToolRow tool : tools) {
                if (tool.integration().equals(row.id().value())) {
                    own.add(tool.tool());
                    policies.put(tool.tool().name(), tool.policy());
                    if (tool.marked()) {
                        marked.add(tool.tool().name());
                    }
                }
            }
            integrations.add(new Integration(row.id(), row.msp(), row.client(), row.kind(), own, policies, marked,
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

    @Override
    public void recordWebhookDelivery(MspId msp, String kind, Instant at) {
        db.withHandle(h -> h.createUpdate("""
                        update integrations set last_webhook_delivery_at = :at
                        where msp_id = :msp and client_id is null and kind = :kind
                          and (last_webhook_delivery_at is null or last_webhook_delivery_at < :at)""")
                .bind("msp", msp.value()).bind("kind", kind).bind("at", ts(at)).execute());
    }

    @Override
    public Optional<Instant> lastWebhookDelivery(MspId msp, IntegrationId id) {
        return db.withHandle(h -> h.createQuery("""
                        select last_webhook_delivery_at from integrations where id = :id and msp_id = :msp""")
                .bind("id", id.value()).bind("msp", msp.value())
                .map((rs, ctx) -> Columns.optionalInstant(rs, "last_webhook_delivery_at"))
                .findOne().flatMap(found -> found));
    }

    private static void insertTools(Handle h, Integration integration) {
        if (integration.tools().isEmpty()) {
            return;
        }
        PreparedBatch tools = h.prepareBatch("""
                insert into integration_tools (integration_id, position, name, effect, description, policy,
                                               input_schema, sensitive, marked_sensitive)
                values (:integration, :position, :name, :effect, :description, :policy,
                        :inputSchema, :sensitive, :marked)""");
        PreparedBatch parameters = h.prepareBatch("""
                insert into integration_tool_parameters (integration_id, tool, position, name, type, required,
                                                         description, allowed, pattern, max_length)
                values (:integration, :tool, :position, :name, :type, :required,
                        :description, :allowed, :pattern, :maxLength)""");
        int position = 0;
        for (Tool tool : integration.tools()) {
            tools.bind("integration", integration.id().value())
                    .bind("position", position++)
                    .bind("name", tool.name().value())
                    .bind("effect", tool.effect().name().toLowerCase(Locale.ROOT))
                    .bind("description", tool.description())
                    .bind("policy", integration.policyOf(tool.name()).label())
                    .bind("inputSchema", tool.input().schema().orElse(null))
                    .bind("sensitive", tool.sensitive())
                    .bind("marked", integration.markedSensitive().contains(tool.name()))
                    .add();
            int index = 0;
            for (ToolParameter parameter : tool.input().parameters()) {
                parameters.bind("integration", integration.id().value())
                        .bind("tool", tool.name().value())
                        .bind("position", index++)
                        .bind("name", parameter.name())
                        .bind("type", parameter.type().label())
                        .bind("required", parameter.required())
                        .bind("description", parameter.description())
                        .bindArray("allowed", String.class, parameter.allowed().toArray(String[]::new))
                        .bind("pattern", parameter.pattern().orElse(null))
                        .bind("maxLength", parameter.maxLength().isPresent() ? parameter.maxLength().getAsInt() : null)
                        .add();
            }
        }
        tools.execute();
        if (parameters.size() > 0) {
            parameters.execute();
        }
    }
}

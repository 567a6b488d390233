package dev.steward.adapter.persistence;

import static dev.steward.adapter.persistence.Columns.ts;

import dev.steward.application.port.PlannedAction;
import dev.steward.application.port.Runbook;
import dev.steward.application.port.RunbookId;
import dev.steward.application.port.RunbookStore;
import dev.steward.application.port.StoredRunbook;
import dev.steward.application.problem.Conflict;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Runbooks in PostgreSQL: one {@code runbooks} row with the trigger phrases, one {@code runbook_steps} and one
 * {@code runbook_actions} row per check and planned action, in order. "One name per scope" is the table's unique
 * constraint (NULLS NOT DISTINCT, so the MSP-wide scope counts too).
 */
public final class JdbiRunbookStore implements RunbookStore {

    private record Row(RunbookId id, MspId msp, Optional<ClientId> client, String name, List<String> triggers,
                       Instant updatedAt) {}

    private record StepRow(UUID runbook, ToolName tool, Map<String, String> arguments, String reason) {}

    private static final String SCOPE = "msp_id = :msp and client_id is not distinct from cast(:client as uuid)";

    private final JdbiUnitOfWork db;

    @Inject
    public JdbiRunbookStore(JdbiUnitOfWork db) {
        this.db = db;
    }

    @Override
    public StoredRunbook save(StoredRunbook runbook) {
        return db.withHandle(h -> {
            UUID client = runbook.client().map(ClientId::value).orElse(null);
            Optional<Row> byId = select(h, "where id = :id for update", Map.of("id", runbook.id().value())).stream()
                    .findFirst();
            UUID id;
            if (byId.isPresent()) {
                boolean otherScope = !(byId.get().msp().equals(runbook.msp())
                        && byId.get().client().equals(runbook.client()));
                boolean nameTaken = h.createQuery("select exists (select 1 from runbooks where " + SCOPE
                                + " and name = :name and id <> :id)")
                        .bind("msp", runbook.msp().value()).bind("client", client).bind("name", runbook.name())
                        .bind("id", runbook.id().value()).mapTo(Boolean.class).one();
                if (otherScope || nameTaken) {
                    throw Conflict.of("runbook.exists", "a runbook named " + runbook.name() + " exists here already");
                }
                id = runbook.id().value();
                h.createUpdate("update runbooks set name = :name, triggers = :triggers, updated_at = :updatedAt"
                                + " where id = :id")
                        .bind("id", id)
                        .bind("name", runbook.name())
                        .bindArray("triggers", String.class, runbook.runbook().triggers().toArray(String[]::new))
                        .bind("updatedAt", ts(runbook.updatedAt()))
                        .execute();
            } else {
                // an upsert on the name, so that two first saves of one name at once leave one runbook
                id = h.createQuery("""
                                insert into runbooks (id, msp_id, client_id, name, triggers, updated_at)
                                values (:id, :msp, :client, :name, :triggers, :updatedAt)
                                on conflict on constraint runbooks_one_name_per_scope do update
                                set triggers = excluded.triggers, updated_at = excluded.updated_at
                                returning id""")
                        .bind("id", runbook.id().value())
                        .bind("msp", runbook.msp().value())
                        .bind("client", client)
                        .bind("name", runbook.name())
                        .bindArray("triggers", String.class, runbook.runbook().triggers().toArray(String[]::new))
                        .bind("updatedAt", ts(runbook.updatedAt()))
                        .mapTo(UUID.class).one();
            }
            h.createUpdate("delete from runbook_steps where runbook_id = :id").bind("id", id).execute();
            h.createUpdate("delete from runbook_actions where runbook_id = :id").bind("id", id).execute();
            insertChildren(h, id, runbook.runbook());
            return new StoredRunbook(new RunbookId(id), runbook.msp(), runbook.client(), runbook.runbook(),
                    runbook.updatedAt());
        });
    }

    @Override
    public Optional<StoredRunbook> find(MspId msp, RunbookId id) {
        return db.read(h -> load(h, "where id = :id and msp_id = :msp", Map.of("id", id.value(), "msp", msp.value()))
                .stream().findFirst());
    }

    @Override
    public List<StoredRunbook> list(MspId msp, Optional<ClientId> client) {
        return db.read(h -> client.isPresent()
                ? load(h, "where msp_id = :msp and client_id = :client order by name",
                        Map.of("msp", msp.value(), "client", client.get().value()))
                : load(h, "where msp_id = :msp and client_id is null order by name", Map.of("msp", msp.value())));
    }

    @Override
    public void remove(MspId msp, RunbookId id) {
        db.withHandle(h -> h.createUpdate("delete from runbooks where id = :id and msp_id = :msp")
                .bind("id", id.value()).bind("msp", msp.value()).execute());
    }

    @Override
    public List<StoredRunbook> forRequest(MspId msp, ClientId client) {
        // the client's first: null sorts last in ascending order
        return db.read(h -> load(h, "where msp_id = :msp and (client_id = :client or client_id is null)"
                + " order by client_id nulls last, name", Map.of("msp", msp.value(), "client", client.value())));
    }

    private static List<Row> select(Handle h, String where, Map<String, Object> params) {
        return h.createQuery("select * from runbooks " + where).bindMap(params)
                .map((rs, ctx) -> new Row(new RunbookId(Columns.uuid(rs, "id")), new MspId(Columns.uuid(rs, "msp_id")),
                        Optional.ofNullable(Columns.uuid(rs, "client_id")).map(ClientId::new), rs.getString("name"),
                        Arrays.stream(Columns.array(rs, "triggers")).map(String.class::cast).toList(),
                        Columns.instant(rs, "updated_at")))
                .list();
    }

    private static List<StoredRunbook> load(Handle h, String where, Map<String, Object> params) {
        List<Row> rows = select(h, where, params);
        if (rows.isEmpty()) {
            return List.of();
        }
        UUID[] ids = rows.stream().map(r -> r.id().value()).toArray(UUID[]::new);
        List<StepRow> steps = children(h, "select runbook_id, tool, '' as reason, " + Columns.jsonMap("arguments")
                + " from runbook_steps where runbook_id = any(:ids) order by runbook_id, position", ids);
        List<StepRow> actions = children(h, "select runbook_id, tool, reason, " + Columns.jsonMap("arguments")
                + " from runbook_actions where runbook_id = any(:ids) order by runbook_id, position", ids);
        List<StoredRunbook> runbooks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            List<Runbook.Step> diagnosis = steps.stream().filter(s -> s.runbook().equals(row.id().value()))
                    .map(s -> new Runbook.Step(s.tool(), s.arguments())).toList();
            List<PlannedAction> plan = actions.stream().filter(a -> a.runbook().equals(row.id().value()))
                    .map(a -> new PlannedAction(a.tool(), a.arguments(), a.reason())).toList();
            runbooks.add(new StoredRunbook(row.id(), row.msp(), row.client(),
                    new Runbook(row.name(), row.triggers(), diagnosis, plan), row.updatedAt()));
        }
        return runbooks;
    }

    private static List<StepRow> children(Handle h, String sql, UUID[] ids) {
        return h.createQuery(sql).bindArray("ids", UUID.class, ids)
                .map((rs, ctx) -> new StepRow(Columns.uuid(rs, "runbook_id"), ToolName.of(rs.getString("tool")),
                        Columns.map(rs, "arguments"), rs.getString("reason")))
                .list();
    }

    private static void insertChildren(Handle h, UUID id, Runbook runbook) {
        if (!runbook.diagnosis().isEmpty()) {
            PreparedBatch batch = h.prepareBatch("""
                    insert into runbook_steps (runbook_id, position, tool, arguments)
                    values (:runbook, :position, :tool, :arguments::jsonb)""");
            int position = 0;
            for (Runbook.Step step : runbook.diagnosis()) {
                batch.bind("runbook", id).bind("position", position++).bind("tool", step.tool().value())
                        .bindByType("arguments", step.arguments(), Columns.JSON_OBJECT).add();
            }
            batch.execute();
        }
        if (!runbook.plan().isEmpty()) {
            PreparedBatch batch = h.prepareBatch("""
                    insert into runbook_actions (runbook_id, position, tool, arguments, reason)
                    values (:runbook, :position, :tool, :arguments::jsonb, :reason)""");
            int position = 0;
            for (PlannedAction action : runbook.plan()) {
                batch.bind("runbook", id).bind("position", position++).bind("tool", action.tool().value())
                        .bindByType("arguments", action.arguments(), Columns.JSON_OBJECT).bind("reason", action.reason()).add();
            }
            batch.execute();
        }
    }
}

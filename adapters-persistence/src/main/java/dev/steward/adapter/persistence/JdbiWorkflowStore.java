package dev.steward.adapter.persistence;

import static dev.steward.adapter.persistence.Columns.ts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.application.port.reasoning.WorkflowStore;
import dev.steward.application.problem.Conflict;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.workflow.AppliedWorkflow;
import dev.steward.domain.workflow.Trigger;
import dev.steward.domain.workflow.Workflow;
import dev.steward.domain.workflow.WorkflowId;
import dev.steward.domain.workflow.WorkflowName;
import dev.steward.domain.workflow.WorkflowScope;
import dev.steward.domain.workflow.WorkflowStatus;
import dev.steward.domain.workflow.WorkflowSteps;
import dev.steward.domain.workflow.WorkflowVersion;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.jackson2.Jackson2Config;

/**
 * Workflows in PostgreSQL: {@code workflows} holds each one's current version, {@code workflow_versions} every
 * version whole (V60). The structured steps are one jsonb document. "One name per scope, ignoring case" is the unique
 * index {@code workflows_one_name_per_scope}; an update names the version it follows, so of two updates from one
 * version only the first changes the row.
 */
public final class JdbiWorkflowStore implements WorkflowStore {

    private static final String COLUMNS = "w.id, w.msp_id, w.client_id, v.version, v.name, v.trigger, v.instructions,"
            + " v.steps::text as steps, v.status, v.changed_by, v.changed_at";

    private final JdbiUnitOfWork db;

    @Inject
    public JdbiWorkflowStore(JdbiUnitOfWork db) {
        this.db = db;
    }

    @Override
    public void add(Workflow workflow) {
        if (workflow.scope() instanceof WorkflowScope.BuiltIn) {
            throw new IllegalArgumentException("built-in workflows are not stored");
        }
        if (workflow.version().number() != 1) {
            throw new IllegalArgumentException("a new workflow is version 1, not " + workflow.version().number());
        }
        db.withHandle(h -> {
            // on conflict do nothing: a name taken (even by an add committing at this moment) stores nothing
            int inserted = h.createUpdate("""
                            insert into workflows (id, msp_id, client_id, name, trigger, instructions, steps, status,
                                                   version, changed_by, changed_at)
                            values (:id, :msp, cast(:client as uuid), :name, :trigger, :instructions, cast(:steps as jsonb),
                                    :status, :version, :changedBy, :changedAt)
                            on conflict do nothing""")
                    .bind("msp", workflow.scope().msp().orElseThrow().value())
                    .bind("client", workflow.scope().client().map(ClientId::value).orElse(null))
                    .bindMap(content(h, workflow))
                    .execute();
            if (inserted == 0) {
                boolean sameId = h.createQuery("select exists (select 1 from workflows where id = :id)")
                        .bind("id", workflow.id().value()).mapTo(Boolean.class).one();
                throw sameId ? Conflict.staleVersion("workflow " + workflow.id(), 0, 1)
                        : Conflict.workflowNameTaken(workflow.name().value());
            }
            insertVersion(h, workflow);
            return null;
        });
    }

    @Override
    public void update(Workflow workflow) {
        db.withHandle(h -> {
            int expected = workflow.version().number() - 1;
            Optional<Integer> stored = h.createQuery("""
                            select version from workflows
                            where id = :id and msp_id = :msp and client_id is not distinct from cast(:client as uuid)
                            for update""")
                    .bind("id", workflow.id().value())
                    .bind("msp", workflow.scope().msp().map(MspId::value).orElse(null))
                    .bind("client", workflow.scope().client().map(ClientId::value).orElse(null))
                    .mapTo(Integer.class).findOne();
            if (stored.isEmpty() || stored.get() != expected) {
                throw Conflict.staleVersion("workflow " + workflow.id(), expected, stored.orElse(0));
            }
            boolean nameTaken = h.createQuery("""
                            select exists (select 1 from workflows o join workflows w on w.id = :id
                                           where o.msp_id = w.msp_id and o.client_id is not distinct from w.client_id
                                             and lower(o.name) = lower(:name) and o.id <> w.id)""")
                    .bind("id", workflow.id().value()).bind("name", workflow.name().value())
                    .mapTo(Boolean.class).one();
            if (nameTaken) {
                throw Conflict.workflowNameTaken(workflow.name().value());
            }
            h.createUpdate("""
                            update workflows set name = :name, trigger = :trigger, instructions = :instructions,
                                   steps = cast(:steps as jsonb), status = :status, version = :version,
                                   changed_by = :changedBy, changed_at = :changedAt
                            where id = :id""")
                    .bindMap(content(h, workflow))
                    .execute();
            insertVersion(h, workflow);
            return null;
        });
    }

    @Override
    public Optional<Workflow> find(MspId msp, WorkflowId id) {
        return db.read(h -> h.createQuery("select " + COLUMNS + " from workflows w join workflow_versions v"
                        + " on v.workflow_id = w.id and v.version = w.version where w.id = :id and w.msp_id = :msp")
                .bind("id", id.value()).bind("msp", msp.value())
                .map(mapper(h)).findOne());
    }

    @Override
    public Optional<Workflow> version(MspId msp, WorkflowId id, int version) {
        return db.read(h -> h.createQuery("select " + COLUMNS + " from workflows w join workflow_versions v"
                        + " on v.workflow_id = w.id where w.id = :id and w.msp_id = :msp and v.version = :version")
                .bind("id", id.value()).bind("msp", msp.value()).bind("version", version)
                .map(mapper(h)).findOne());
    }

    @Override
    public List<WorkflowVersion> history(MspId msp, WorkflowId id) {
        return db.read(h -> h.createQuery("""
                        select v.version, v.changed_by, v.changed_at from workflow_versions v
                        join workflows w on w.id = v.workflow_id
                        where w.id = :id and w.msp_id = :msp order by v.version""")
                .bind("id", id.value()).bind("msp", msp.value())
                .map((rs, ctx) -> new WorkflowVersion(rs.getInt("version"), rs.getString("changed_by"),
                        Columns.instant(rs, "changed_at")))
                .list());
    }

    @Override
    public List<Workflow> list(WorkflowScope scope) {
        if (scope instanceof WorkflowScope.BuiltIn) {
            return List.of();
        }
        return db.read(h -> h.createQuery("select " + COLUMNS + " from workflows w join workflow_versions v"
                        + " on v.workflow_id = w.id and v.version = w.version where w.msp_id = :msp"
                        + " and w.client_id is not distinct from cast(:client as uuid)"
                        + " order by lower(w.name), w.name collate \"C\"")
                .bind("msp", scope.msp().orElseThrow().value())
                .bind("client", scope.client().map(ClientId::value).orElse(null))
                .map(mapper(h)).list());
    }

    @Override
    public List<Workflow> forClient(MspId msp, ClientId client) {
        // the client's first: null sorts last in ascending order
        return db.read(h -> h.createQuery("select " + COLUMNS + " from workflows w join workflow_versions v"
                        + " on v.workflow_id = w.id and v.version = w.version"
                        + " where w.msp_id = :msp and (w.client_id = :client or w.client_id is null)"
                        + " order by w.client_id nulls last, lower(w.name)")
                .bind("msp", msp.value()).bind("client", client.value())
                .map(mapper(h)).list());
    }

    @Override
    public void recordUse(MspId msp, UUID session, List<AppliedWorkflow> applied) {
        if (applied.isEmpty()) {
            return;
        }
        db.withHandle(h -> {
            PreparedBatch batch = h.prepareBatch("""
                    insert into session_workflows (session_id, msp_id, workflow_id, version, name)
                    values (:session, :msp, :workflow, :version, :name) on conflict do nothing""");
            for (AppliedWorkflow workflow : applied) {
                batch.bind("session", session).bind("msp", msp.value()).bind("workflow", workflow.id().value())
                        .bind("version", workflow.version()).bind("name", workflow.name().value()).add();
            }
            return batch.execute();
        });
    }

    @Override
    public List<AppliedWorkflow> usedBy(MspId msp, UUID session) {
        return db.read(h -> h.createQuery("""
                        select workflow_id, version, name from session_workflows
                        where session_id = :session and msp_id = :msp order by lower(name), version""")
                .bind("session", session).bind("msp", msp.value())
                .map((rs, ctx) -> new AppliedWorkflow(new WorkflowId(Columns.uuid(rs, "workflow_id")),
                        new WorkflowName(rs.getString("name")), rs.getInt("version")))
                .list());
    }

    @Override
    public Map<UUID, List<AppliedWorkflow>> usedBySessions(MspId msp, Collection<UUID> sessions) {
        Map<UUID, List<AppliedWorkflow>> used = new LinkedHashMap<>();
        if (sessions.isEmpty()) {
            return used;
        }
        // one query for a whole page of activity, on the primary key's leading session_id
        db.read(h -> h.createQuery("""
                        select session_id, workflow_id, version, name from session_workflows
                        where session_id = any(:sessions) and msp_id = :msp
                        order by session_id, lower(name), version""")
                .bindArray("sessions", UUID.class, sessions.toArray(UUID[]::new)).bind("msp", msp.value())
                .map((rs, ctx) -> Map.entry(Columns.uuid(rs, "session_id"), new AppliedWorkflow(
                        new WorkflowId(Columns.uuid(rs, "workflow_id")), new WorkflowName(rs.getString("name")),
                        rs.getInt("version"))))
                .list()).forEach(row -> used.computeIfAbsent(row.getKey(), s -> new ArrayList<>()).add(row.getValue()));
        used.replaceAll((session, versions) -> List.copyOf(versions));
        return used;
    }

    private static void insertVersion(Handle h, Workflow workflow) {
        h.createUpdate("""
                        insert into workflow_versions (workflow_id, version, name, trigger, instructions, steps, status,
                                                       changed_by, changed_at)
                        values (:id, :version, :name, :trigger, :instructions, cast(:steps as jsonb), :status,
                                :changedBy, :changedAt)""")
                .bindMap(content(h, workflow))
                .execute();
    }

    /** The columns both tables share, as bind parameters. */
    private static Map<String, Object> content(Handle h, Workflow workflow) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", workflow.id().value());
        values.put("name", workflow.name().value());
        values.put("trigger", workflow.trigger().sentence());
        values.put("instructions", workflow.instructions());
        values.put("steps", stepsJson(h.getConfig(Jackson2Config.class).getMapper(), workflow.steps()));
        values.put("status", workflow.status().label());
        values.put("version", workflow.version().number());
        values.put("changedBy", workflow.version().changedBy());
        values.put("changedAt", ts(workflow.version().changedAt()));
        return values;
    }

    private static RowMapper<Workflow> mapper(Handle h) {
        ObjectMapper json = h.getConfig(Jackson2Config.class).getMapper();
        return (ResultSet rs, StatementContext ctx) -> restore(rs, json);
    }

    private static Workflow restore(ResultSet rs, ObjectMapper json) throws SQLException {
        MspId msp = new MspId(Columns.uuid(rs, "msp_id"));
        Optional<ClientId> client = Optional.ofNullable(Columns.uuid(rs, "client_id")).map(ClientId::new);
        return new Workflow(new WorkflowId(Columns.uuid(rs, "id")), WorkflowScope.of(msp, client),
                new WorkflowName(rs.getString("name")), new Trigger(rs.getString("trigger")),
                rs.getString("instructions"), steps(json, rs.getString("steps")),
                WorkflowStatus.ofLabel(rs.getString("status")),
                new WorkflowVersion(rs.getInt("version"), rs.getString("changed_by"),
                        Columns.instant(rs, "changed_at")));
    }

    private static String stepsJson(ObjectMapper json, WorkflowSteps steps) {
        ObjectNode root = json.createObjectNode();
        ArrayNode checks = root.putArray("checks");
        for (WorkflowSteps.Check check : steps.checks()) {
            ObjectNode node = checks.addObject().put("tool", check.tool().value());
            node.set("arguments", json.valueToTree(new java.util.TreeMap<>(check.arguments())));
        }
        ArrayNode actions = root.putArray("actions");
        for (WorkflowSteps.Action action : steps.actions()) {
            ObjectNode node = actions.addObject().put("tool", action.tool().value());
            node.set("arguments", json.valueToTree(new java.util.TreeMap<>(action.arguments())));
            node.put("reason", action.reason());
        }
        try {
            return json.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings is always JSON", e);
        }
    }

    private static WorkflowSteps steps(ObjectMapper json, String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("workflow steps in the database are not JSON", e);
        }
        List<WorkflowSteps.Check> checks = new ArrayList<>();
        for (JsonNode check : root.path("checks")) {
            checks.add(new WorkflowSteps.Check(ToolName.of(check.path("tool").asText()), arguments(check)));
        }
        List<WorkflowSteps.Action> actions = new ArrayList<>();
        for (JsonNode action : root.path("actions")) {
            actions.add(new WorkflowSteps.Action(ToolName.of(action.path("tool").asText()), arguments(action),
                    action.path("reason").asText("")));
        }
        return new WorkflowSteps(checks, actions);
    }

    private static Map<String, String> arguments(JsonNode step) {
        Map<String, String> arguments = new LinkedHashMap<>();
        step.path("arguments").fields().forEachRemaining(e -> arguments.put(e.getKey(), e.getValue().asText()));
        return arguments;
    }
}

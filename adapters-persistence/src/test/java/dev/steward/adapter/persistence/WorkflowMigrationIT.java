package dev.steward.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.workflow.Trigger;
import dev.steward.domain.workflow.Workflow;
import dev.steward.domain.workflow.WorkflowCatalog;
import dev.steward.domain.workflow.WorkflowId;
import dev.steward.domain.workflow.WorkflowScope;
import dev.steward.domain.workflow.WorkflowStatus;
import dev.steward.domain.workflow.WorkflowSteps;
import dev.steward.domain.workflow.WorkflowVersion;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * V60 (and V61, for runbooks written in between) moves the runbooks of V7 into workflows with nothing lost: a database
 * holding runbooks at V7 is migrated to the newest schema, and each runbook is then read back as a workflow through
 * {@link JdbiWorkflowStore}.
 */
class WorkflowMigrationIT {

    private static final Instant UPDATED = Instant.parse("2026-11-30T10:15:00Z");
    private static final MspId MSP = new MspId(UUID.randomUUID());
    private static final ClientId ACME = new ClientId(UUID.randomUUID());
    private static final UUID LOCKED_OUT = UUID.randomUUID();
    private static final UUID VPN = UUID.randomUUID();
    private static final UUID VPN_LOWER = UUID.randomUUID();
    private static final UUID QUOTES = UUID.randomUUID();
    private static final UUID LONG = UUID.randomUUID();
    private static final UUID LATE = UUID.randomUUID();

    private static JdbiWorkflowStore workflows;
    private static List<String> TABLES;

    @BeforeAll
    static void migrateADatabaseHoldingRunbooks() {
        String name = "runbooks_" + UUID.randomUUID().toString().replace("-", "");
        TestDatabase.database().jdbi().useHandle(h -> h.execute("create database " + name));
        PGSimpleDataSource fresh = new PGSimpleDataSource();
        EmbeddedDatabase embedded = TestDatabase.database().embedded().orElseThrow();
        fresh.setUrl(embedded.jdbcUrl().replace("/postgres?", "/" + name + "?"));
        fresh.setPassword(embedded.password());

        Migrations.migrate(fresh, "7");
        Jdbi.create(fresh).useTransaction(WorkflowMigrationIT::writeRunbooks);
        Migrations.migrate(fresh, "60");
        // written by a control plane still on V60, whose runbook API wrote runbooks
        Jdbi.create(fresh).useTransaction(h -> runbook(h, LATE, ACME.value(), "Written late", List.of("late"),
                UPDATED.atOffset(ZoneOffset.UTC)));
        Migrations.migrate(fresh);

        workflows = new JdbiWorkflowStore(new JdbiUnitOfWork(Database.jdbi(fresh)));
        TABLES = Jdbi.create(fresh).withHandle(h -> h.createQuery("select table_name from information_schema.tables"
                + " where table_schema = 'public'").mapTo(String.class).list());
    }

    private static void writeRunbooks(Handle h) {
        var at = UPDATED.atOffset(ZoneOffset.UTC);
        h.createUpdate("insert into msps (id, name, default_mode, created_at, version) values (:id, 'MSP', 'plan', :at, 1)")
                .bind("id", MSP.value()).bind("at", at).execute();
        h.createUpdate("""
                        insert into clients (id, msp_id, name, slug, mode, status, deploy_status, config_version,
                                             status_changed_at, created_at, version)
                        values (:id, :msp, 'Acme', 'acme', 'inherit', 'active', 'idle', 1, :at, :at, 1)""")
                .bind("id", ACME.value()).bind("msp", MSP.value()).bind("at", at).execute();
        runbook(h, LOCKED_OUT, null, "Locked out", List.of("locked out", "can't sign in"), at);
        h.execute("""
                insert into runbook_steps (runbook_id, position, tool, arguments) values
                    (?, 0, 'psa:get-ticket', '{"ticket": "{ticket}"}'),
                    (?, 1, 'm365:list-sign-ins', '{"user": "{requester}", "top": "10"}')""", LOCKED_OUT, LOCKED_OUT);
        h.execute("""
                insert into runbook_actions (runbook_id, position, tool, arguments, reason) values
                    (?, 0, 'm365:unblock-sign-in', '{"user": "{requester}"}', 'allow sign-in again'),
                    (?, 1, 'm365:revoke-sessions', '{}', '')""", LOCKED_OUT, LOCKED_OUT);
        runbook(h, VPN, ACME.value(), "VPN", List.of("vpn"), at);
        runbook(h, VPN_LOWER, ACME.value(), "vpn", List.of("tunnel"), at);
        runbook(h, QUOTES, null, "Odd phrases", List.of("say \"hi\"", "!!!", "line\nbreak"), at);
        runbook(h, LONG, null, "Many phrases", java.util.stream.IntStream.range(0, 40)
                .mapToObj(i -> "phrase number " + i).toList(), at);
    }

    private static void runbook(Handle h, UUID id, UUID client, String name, List<String> triggers, Object at) {
        h.createUpdate("insert into runbooks (id, msp_id, client_id, name, triggers, updated_at)"
                        + " values (:id, :msp, cast(:client as uuid), :name, :triggers, :at)")
                .bind("id", id).bind("msp", MSP.value()).bind("client", client).bind("name", name)
                .bindArray("triggers", String.class, triggers.toArray(String[]::new)).bind("at", at).execute();
    }

    private static Workflow workflow(UUID id) {
        return workflows.find(MSP, new WorkflowId(id)).orElseThrow();
    }

    @Test
    void eachRunbookIsAnActiveWorkflowOfItsScopeVersionOneByTheMigration() {
        Workflow locked = workflow(LOCKED_OUT);

        assertThat(locked.scope()).isEqualTo(new WorkflowScope.MspWide(MSP));
        assertThat(workflow(VPN).scope()).isEqualTo(new WorkflowScope.OneClient(MSP, ACME));
        assertThat(locked.name().value()).isEqualTo("Locked out");
        assertThat(locked.status()).isEqualTo(WorkflowStatus.ACTIVE);
        assertThat(locked.version()).isEqualTo(new WorkflowVersion(1, "migration", UPDATED));
        assertThat(workflows.history(MSP, locked.id())).containsExactly(locked.version());
        assertThat(workflows.list(new WorkflowScope.MspWide(MSP))).hasSize(3);
        assertThat(workflows.list(new WorkflowScope.OneClient(MSP, ACME))).hasSize(3);
    }

    @Test
    void itsPhrasesBecomeTheTriggerAndStillMatchTheSameRequests() {
        Workflow locked = workflow(LOCKED_OUT);

        assertThat(locked.trigger()).isEqualTo(new Trigger("The request mentions \"locked out\" or \"can't sign in\"."));
        assertThat(locked.trigger().phrases()).containsExactly("locked out", "can't sign in");
        assertThat(WorkflowCatalog.forClient(MSP, ACME, workflows.forClient(MSP, ACME)).matching("I can't sign in"))
                .extracting(m -> m.workflow().id()).containsExactly(locked.id());
    }

    @Test
    void itsChecksAndPlannedActionsAreItsStepsInOrderWithArgumentsAndReasons() {
        assertThat(workflow(LOCKED_OUT).steps()).isEqualTo(new WorkflowSteps(
                List.of(new WorkflowSteps.Check(ToolName.of("psa:get-ticket"), Map.of("ticket", "{ticket}")),
                        new WorkflowSteps.Check(ToolName.of("m365:list-sign-ins"),
                                Map.of("user", "{requester}", "top", "10"))),
                List.of(new WorkflowSteps.Action(ToolName.of("m365:unblock-sign-in"), Map.of("user", "{requester}"),
                                "allow sign-in again"),
                        new WorkflowSteps.Action(ToolName.of("m365:revoke-sessions"), Map.of(), ""))));
        assertThat(workflow(VPN).steps()).isEqualTo(WorkflowSteps.NONE);
    }

    @Test
    void itsInstructionsSpellOutEverythingItHad() {
        assertThat(workflow(LOCKED_OUT).instructions())
                .startsWith("Migrated from the runbook \"Locked out\", which applied when the request mentioned any "
                        + "of: locked out; can't sign in.")
                .contains("Checks, in order: psa:get-ticket {\"ticket\": \"{ticket}\"}; m365:list-sign-ins")
                .contains("Planned actions, in order: m365:unblock-sign-in {\"user\": \"{requester}\"} (allow sign-in "
                        + "again); m365:revoke-sessions {}.");
    }

    @Test
    void whatASentenceCannotHoldChangesVisiblyAndIsKeptInTheInstructions() {
        Workflow odd = workflow(QUOTES);
        assertThat(odd.trigger().sentence()).isEqualTo("The request mentions \"say 'hi'\" or \"line break\".");
        assertThat(odd.instructions()).contains("say \"hi\"; !!!; line\nbreak");

        Workflow many = workflow(LONG);
        assertThat(many.trigger().sentence()).hasSizeLessThanOrEqualTo(300).startsWith("The request mentions "
                + "\"phrase number 0\", \"phrase number 1\"").endsWith("\".");
        assertThat(many.instructions()).contains("phrase number 39");
    }

    @Test
    void aRunbookWrittenAfterV60MovesToo() {
        assertThat(workflow(LATE).trigger().phrases()).containsExactly("late");
        assertThat(workflow(LATE).scope()).isEqualTo(new WorkflowScope.OneClient(MSP, ACME));
        assertThat(workflows.history(MSP, new WorkflowId(LATE))).hasSize(1);
    }

    @Test
    void theRunbookTablesAreGoneOnceNothingReadsThem() {
        assertThat(TABLES).doesNotContain("runbooks", "runbook_steps", "runbook_actions")
                .contains("workflows", "workflow_versions", "session_workflows");
    }

    @Test
    void twoRunbooksWhoseNamesDifferOnlyInCaseAreBothKept() {
        assertThat(workflow(VPN).name().value()).isEqualTo("VPN");
        assertThat(workflow(VPN_LOWER).name().value()).isEqualTo("vpn (2)");
        assertThat(workflow(VPN_LOWER).trigger().phrases()).containsExactly("tunnel");
    }
}

package dev.steward.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.port.activity.ActivityQuery;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.activity.ActivityKind;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.activity.RedactedArguments;
import dev.steward.domain.client.Client;
import dev.steward.domain.msp.MspId;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** What the schema itself guarantees, below the application: migrations, append-only audit log, constraints. */
class SchemaIT {

    private final JdbiStores stores = TestDatabase.stores();
    private final Jdbi jdbi = TestDatabase.database().jdbi();

    @Test
    void migratesAnEmptyDatabaseToTheNewestSchemaOnceAndThenDoesNothing() {
        String name = "fresh_" + UUID.randomUUID().toString().replace("-", "");
        jdbi.useHandle(h -> h.execute("create database " + name));
        PGSimpleDataSource fresh = new PGSimpleDataSource();
        EmbeddedDatabase embedded = TestDatabase.database().embedded().orElseThrow();
        fresh.setUrl(embedded.jdbcUrl().replace("/postgres?", "/" + name + "?"));
        fresh.setPassword(embedded.password());

        int applied = Migrations.migrate(fresh);
        int again = Migrations.migrate(fresh);

        assertThat(applied).isEqualTo(migrationFiles());
        assertThat(again).isZero();
        List<String> tables = Jdbi.create(fresh).withHandle(h -> h.createQuery("""
                        select table_name from information_schema.tables
                        where table_schema = 'public' and table_name <> 'flyway_schema_history' order by table_name""")
                .mapTo(String.class).list());
        assertThat(tables).contains("activity_log", "agent_check_ins", "agent_credentials", "agent_placements",
                "api_tokens", "approvals", "client_mappings", "clients", "control_plane_instances",
                "identity_verifications", "idempotency_keys", "integration_secrets", "integration_settings",
                "integration_tool_parameters", "integration_tools", "integrations", "msps",
                "session_effects", "session_workflows", "workflow_versions", "workflows", "sessions", "status_changes", "token_budgets",
                "token_uses", "users", "web_sessions", "work_items", "password_links", "operators");
    }

    /** The module's migration files (counted, so that branches adding some in parallel never clash on a number). */
    private static int migrationFiles() {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
            return (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void refusesToChangeOrRemoveAnActivityEntryEvenWithRawSql() {
        MspId msp = stores.msps().add(Fixtures.anMsp()).id();
        Client client = stores.clients().add(Fixtures.aClient().inMsp(msp).build());
        ActivityEntry entry = new ActivityEntry(UUID.randomUUID(), msp, client.id(), Optional.empty(),
                Optional.of("T-1"), Fixtures.T0, ActivityKind.NOTE, Optional.empty(), RedactedArguments.NONE,
                ActivityOutcome.OK, "internal note", Duration.ZERO, Optional.empty());
        stores.activity().append(entry);

        for (String sql : List.of("update activity_log set summary = 'forged' where id = :id",
                "delete from activity_log where id = :id")) {
            assertThatThrownBy(() -> jdbi.useHandle(h -> h.createUpdate(sql).bind("id", entry.id()).execute()))
                    .isInstanceOf(UnableToExecuteStatementException.class)
                    .hasMessageContaining("activity_log is append-only");
        }
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("truncate activity_log")))
                .hasMessageContaining("activity_log is append-only");
        assertThat(stores.activity().query(ActivityQuery.newest(msp, Optional.empty(), 10))).containsExactly(entry);
    }

    @Test
    void refusesRowsThatBreakTheDomainsRulesWrittenAroundTheApplication() {
        MspId msp = stores.msps().add(Fixtures.anMsp()).id();
        Client client = stores.clients().add(Fixtures.aClient().inMsp(msp).build());

        for (String sql : List.of(
                "update clients set status = 'sleeping' where id = :id",
                "update clients set mode = 'yolo' where id = :id",
                "update clients set slug = 'Not A Slug' where id = :id",
                "update clients set deploy_status = 'error' where id = :id",
                "update clients set msp_id = gen_random_uuid() where id = :id",
                "update msps set default_mode = 'inherit' where id = (select msp_id from clients where id = :id)")) {
            assertThatThrownBy(() -> jdbi.useHandle(h -> h.createUpdate(sql).bind("id", client.id().value())
                    .execute()))
                    .as(sql).isInstanceOf(UnableToExecuteStatementException.class)
                    .hasMessageContaining("violates");
        }
        assertThat(stores.clients().find(client.id())).contains(client);
    }

    @Test
    void reportsAnUnreachableDatabaseAsARetryablePortFailure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setUrl("jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres?connectTimeout=2");
        JdbiStores unreachable = new JdbiStores(new JdbiUnitOfWork(Database.jdbi(nowhere)));

        assertThatThrownBy(() -> unreachable.msps().find(Fixtures.uniqueMspId()))
                .isInstanceOfSatisfying(PortFailure.class, f -> {
                    assertThat(f.retryable()).isTrue();
                    assertThat(f.port()).isEqualTo("database");
                });
        assertThatThrownBy(() -> unreachable.unitOfWork().run(() -> { }))
                .isInstanceOfSatisfying(PortFailure.class, f -> assertThat(f.retryable()).isTrue());
        assertThatThrownBy(() -> Database.open(new PersistenceSettings.External(
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/steward", "steward", "secret")))
                .isInstanceOfSatisfying(PortFailure.class, f -> assertThat(f.retryable()).isTrue())
                .hasMessageContaining("could not connect to the database")
                .hasMessageNotContaining("secret");
    }
}

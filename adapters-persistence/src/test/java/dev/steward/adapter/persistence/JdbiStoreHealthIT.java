package dev.steward.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.application.port.store.StoreHealth;
import dev.steward.application.port.store.StoreHealthContract;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JdbiStoreHealthIT extends StoreHealthContract {

    @Override
    protected StoreHealth health() {
        return new JdbiStoreHealth(TestDatabase.database(), TestDatabase.stores().unitOfWork());
    }

    @Test
    void aSchemaThatLacksAShippedMigrationIsNamed() {
        Path directory = TestDatabase.newDirectory("health-");
        try (Database database = Database.open(new PersistenceSettings.Embedded(directory, 2))) {
            database.jdbi().useHandle(h -> h.execute("delete from flyway_schema_history where version = '55'"));
            StoreHealth health = new JdbiStoreHealth(database, new JdbiUnitOfWork(database.jdbi()));

            assertThat(health.problem()).hasValueSatisfying(problem -> assertThat(problem)
                    .contains("lacks migration(s) 55").contains("steward migrate"));
        } finally {
            TestDatabase.delete(directory);
        }
    }

    @Test
    void aDatabaseThatStoppedIsReportedByACallThatReturnsWithinSeconds() {
        Path directory = TestDatabase.newDirectory("health-");
        Database database = Database.open(new PersistenceSettings.Embedded(directory, 2));
        try {
            StoreHealth health = new JdbiStoreHealth(database, new JdbiUnitOfWork(database.jdbi()));
            assertThat(health.problem()).isEmpty();

            database.embedded().orElseThrow().close(); // the server goes away; the pool stays
            await().atMost(Duration.ofSeconds(30)).until(() -> health.problem().isPresent());
            long started = System.nanoTime();
            assertThat(health.problem()).hasValueSatisfying(problem -> assertThat(problem)
                    .startsWith("the database does not answer"));
            // before the fix a caller waited for the pool's 30 s; now it waits about Database.CONNECTION_WAIT
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        } finally {
            try {
                database.close();
            } catch (RuntimeException alreadyStopped) {
                // the embedded server was stopped above; closing it again may complain
            }
            TestDatabase.delete(directory);
        }
    }
}

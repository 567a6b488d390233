package dev.steward.adapter.persistence;

import dev.steward.application.port.store.StoreHealth;
import dev.steward.application.problem.PortFailure;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * PostgreSQL's readiness: one query on the migration history, which both proves the server answers and shows
 * whether every migration this code ships is applied (a newer instance may have applied more: that is fine).
 */
public final class JdbiStoreHealth implements StoreHealth {

    private static final int QUERY_TIMEOUT_SECONDS = 2;

    private final Database database;
    private final JdbiUnitOfWork db;

    @Inject
    public JdbiStoreHealth(Database database, JdbiUnitOfWork db) {
        this.database = database;
        this.db = db;
    }

    @Override
    public Optional<String> problem() {
        Set<String> applied;
        try {
            applied = db.read(h -> h.createQuery("select version from flyway_schema_history"
                            + " where success and version is not null")
                    .setQueryTimeout(QUERY_TIMEOUT_SECONDS)
                    .mapTo(String.class)
                    .collectIntoSet());
        } catch (PortFailure e) {
            return Optional.of("the database does not answer: " + e.getMessage());
        }
        Set<String> missing = new TreeSet<>(database.shippedMigrations());
        missing.removeAll(applied);
        return missing.isEmpty() ? Optional.empty()
                : Optional.of("the database schema lacks migration(s) " + String.join(", ", missing)
                        + ": run `steward migrate` (or start an instance that migrates) first");
    }
}

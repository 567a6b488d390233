package dev.steward.adapter.persistence;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a database's schema to the newest version with the forward-only Flyway migrations in
 * {@code db/migration}. Safe to run on every start and from the {@code migrate} command: applied migrations are
 * skipped, and an edited released migration fails the checksum validation instead of running.
 */
public final class Migrations {

    private Migrations() {
    }

    /** @return how many migrations were applied now (0 when the schema was current) */
    public static int migrate(DataSource dataSource) {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return result.migrationsExecuted;
    }

    /**
     * The {@code migrate} command: opens the configured database (starting the embedded one if that is the
     * setting), migrates, and closes it again.
     *
     * @return how many migrations were applied
     */
    public static int migrate(PersistenceSettings settings) {
        try (Database database = Database.open(settings, false)) {
            return migrate(database.dataSource());
        }
    }
}

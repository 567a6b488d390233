package dev.steward.adapter.persistence;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
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
        MigrateResult result = flyway(dataSource).migrate();
        return result.migrationsExecuted;
    }

    /** Brings the schema to exactly {@code version} (a backup's), no further. @return migrations applied */
    public static int migrate(DataSource dataSource, String version) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .target(version)
                .load()
                .migrate().migrationsExecuted;
    }

    /** The versions of every migration this code ships (what a current schema has applied, at least). */
    static Set<String> shipped(DataSource dataSource) {
        return Arrays.stream(flyway(dataSource).info().all())
                .filter(info -> info.getState().isResolved() && info.getVersion() != null)
                .map(MigrationInfo::getVersion)
                .map(Object::toString)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
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

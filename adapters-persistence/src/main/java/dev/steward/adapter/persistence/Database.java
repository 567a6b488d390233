package dev.steward.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.steward.application.problem.PortFailure;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.jackson2.Jackson2Plugin;
import org.jdbi.v3.postgres.PostgresPlugin;

/**
 * The open system of record: the embedded server (when that is the setting), a HikariCP pool and the {@link Jdbi}
 * on top of it. {@link #close} closes the pool, then stops the embedded server; the data stays.
 */
public final class Database implements AutoCloseable {

    /**
     * How long a request waits for a connection before it fails (a 503 that says so): short, so that during a
     * database outage requests fail fast instead of piling up behind the pool.
     */
    static final Duration CONNECTION_WAIT = Duration.ofSeconds(3);

    private final Optional<EmbeddedDatabase> embedded;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Set<String> shippedMigrations;

    private Database(Optional<EmbeddedDatabase> embedded, HikariDataSource dataSource, Set<String> shippedMigrations) {
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.jdbi = jdbi(dataSource);
        this.shippedMigrations = shippedMigrations;
    }

    /** Opens the database and brings its schema up to date. */
    public static Database open(PersistenceSettings settings) {
        return open(settings, true);
    }

    /** Opens the database without touching its schema (for restoring a backup into it). */
    public static Database openUnmigrated(PersistenceSettings settings) {
        return open(settings, false);
    }

    static Database open(PersistenceSettings settings, boolean migrate) {
        Optional<EmbeddedDatabase> embedded = switch (settings) {
            case PersistenceSettings.Embedded e -> Optional.of(EmbeddedDatabase.start(e.dataDirectory()));
            case PersistenceSettings.External e -> Optional.empty();
        };
        HikariConfig config = new HikariConfig();
        config.setPoolName("steward");
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(CONNECTION_WAIT.toMillis());
        config.setValidationTimeout(Math.min(1_000, CONNECTION_WAIT.toMillis() - 1));
        // the driver gives up connecting within the same bound (its default is 10 s)
        config.addDataSourceProperty("connectTimeout", Long.toString(CONNECTION_WAIT.toSeconds()));
        switch (settings) {
            case PersistenceSettings.Embedded e -> {
                config.setJdbcUrl(embedded.orElseThrow().jdbcUrl());
                config.setUsername(embedded.orElseThrow().user());
                config.setPassword(embedded.orElseThrow().password());
            }
            case PersistenceSettings.External e -> {
                config.setJdbcUrl(e.url());
                if (!e.user().isEmpty()) {
                    config.setUsername(e.user());
                }
                if (!e.password().isEmpty()) {
                    config.setPassword(e.password());
                }
            }
        }
        HikariDataSource pool = null;
        try {
            pool = new HikariDataSource(config);
            if (migrate) {
                Migrations.migrate(pool);
            }
            return new Database(embedded, pool, Migrations.shipped(pool));
        } catch (FlywayException e) {
            closeAfterFailure(pool, embedded);
            throw PortFailure.permanent(DatabaseErrors.PORT, "could not bring the schema up to date: "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeAfterFailure(pool, embedded);
            throw PortFailure.retryable(DatabaseErrors.PORT, "could not connect to the database: " + e.getMessage(), e);
        }
    }

    private static void closeAfterFailure(HikariDataSource pool, Optional<EmbeddedDatabase> embedded) {
        if (pool != null) {
            pool.close();
        }
        embedded.ifPresent(EmbeddedDatabase::close);
    }

    /**
     * The Jdbi the stores use: PostgreSQL types (uuid, arrays, jsonb), Jackson for values bound as {@code @Json}
     * ({@link Columns#JSON_OBJECT}), and statements may bind more than they use.
     */
    static Jdbi jdbi(DataSource dataSource) {
        Jdbi jdbi = Jdbi.create(dataSource);
        jdbi.installPlugin(new PostgresPlugin());
        jdbi.installPlugin(new Jackson2Plugin());
        jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** The versions of the migrations this code ships, which a current schema has all applied. */
    Set<String> shippedMigrations() {
        return shippedMigrations;
    }

    public Optional<EmbeddedDatabase> embedded() {
        return embedded;
    }

    @Override
    public void close() {
        try {
            dataSource.close();
        } finally {
            embedded.ifPresent(EmbeddedDatabase::close);
        }
    }
}

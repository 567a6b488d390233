package dev.steward.adapter.persistence;

import dev.steward.application.problem.PortFailure;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * An embedded PostgreSQL server (zonky, linux-amd64 binaries) whose cluster lives in a data directory that is kept
 * across restarts: the first start runs initdb, later starts reuse the cluster. {@link #close} stops the server and
 * leaves the data in place.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private final Path dataDirectory;
    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(Path dataDirectory, EmbeddedPostgres postgres) {
        this.dataDirectory = dataDirectory;
        this.postgres = postgres;
    }

    /**
     * Starts the server on a free local port.
     *
     * @throws PortFailure if it cannot start (data directory not writable, another server holds it, no binaries)
     */
    public static EmbeddedDatabase start(Path dataDirectory) {
        Path absolute = dataDirectory.toAbsolutePath();
        try {
            Files.createDirectories(absolute);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(absolute)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "100")
                    .start();
            return new EmbeddedDatabase(absolute, postgres);
        } catch (IOException | IllegalStateException e) {
            throw PortFailure.permanent(DatabaseErrors.PORT, "could not start the embedded PostgreSQL in "
                    + absolute + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops the server (a fast shutdown: running transactions are rolled back); the data directory stays. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the embedded PostgreSQL in " + dataDirectory, e);
        }
    }
}

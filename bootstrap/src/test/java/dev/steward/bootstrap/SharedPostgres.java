package dev.steward.bootstrap;

import dev.steward.adapter.persistence.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A PostgreSQL server that control planes reach as an external database (STEWARD_DATABASE_URL), the way several
 * instances share one in production. Each test takes a fresh, empty database on it.
 */
final class SharedPostgres implements AutoCloseable {

    /** The key every instance on one database shares (integration secrets sealed by one are opened by another). */
    static final String SECRET_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    private final Path directory;
    private final EmbeddedDatabase server;

    private SharedPostgres(Path directory, EmbeddedDatabase server) {
        this.directory = directory;
        this.server = server;
    }

    static SharedPostgres start() {
        try {
            Path directory = Files.createTempDirectory("steward-shared-pg");
            return new SharedPostgres(directory, EmbeddedDatabase.start(directory.resolve("cluster")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new empty database on the server; its JDBC URL. */
    String newDatabase() {
        String name = "steward_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        // the embedded server takes passwords only; its generated one is URL-safe
        return server.jdbcUrl().replace("/postgres?", "/" + name + "?") + "&password=" + server.password();
    }

    /** A control plane's environment on {@code url}: port 0, fast reconciler passes, the shared secret key. */
    static Map<String, String> environment(String url) {
        Map<String, String> env = new HashMap<>();
        env.put("STEWARD_DATABASE_URL", url);
        env.put("STEWARD_DATABASE_USER", "postgres");
        env.put("STEWARD_HTTP_PORT", "0");
        env.put("STEWARD_SECRET_KEY", SECRET_KEY);
        env.put("STEWARD_RECONCILE_DUE_MS", "50");
        env.put("STEWARD_RECONCILE_FULL_MS", "500");
        return env;
    }

    /** Stops the server (its databases' data stays in the directory until it is removed). */
    void stopServer() {
        server.close();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (RuntimeException alreadyStopped) {
            // stopped by the test
        }
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.steward.adapter.persistence;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the system of record lives: an embedded PostgreSQL whose data directory survives restarts (the zero-setup
 * default), or an external PostgreSQL server.
 */
public sealed interface PersistenceSettings {

    /** Connections the pool keeps at most (the use cases hold one per running transaction). */
    int poolSize();

    /** An embedded PostgreSQL 18 keeping its data in {@code dataDirectory} (created if missing, never wiped). */
    record Embedded(Path dataDirectory, int poolSize) implements PersistenceSettings {
        public Embedded {
            Objects.requireNonNull(dataDirectory, "dataDirectory");
            requirePositive(poolSize);
        }

        public Embedded(Path dataDirectory) {
            this(dataDirectory, DEFAULT_POOL_SIZE);
        }
    }

    /**
     * An external PostgreSQL, 15 or newer (the schema uses UNIQUE NULLS NOT DISTINCT). An empty {@code user} or
     * {@code password} means "as the URL says" (e.g. {@code ?user=steward}), or the driver's default.
     */
    record External(String url, String user, String password, int poolSize) implements PersistenceSettings {
        public External {
            if (url == null || !url.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("database url must start with jdbc:postgresql: (got "
                        + (url == null ? "nothing" : "'" + url + "'") + ")");
            }
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            requirePositive(poolSize);
        }

        public External(String url, String user, String password) {
            this(url, user, password, DEFAULT_POOL_SIZE);
        }

        @Override
        public String toString() {
            return "External[url=" + url + ", user=" + user + ", password=***, poolSize=" + poolSize + "]";
        }
    }

    /** Room for the reconciler's parallel steps (each holds a connection while its agent is created) beside requests. */
    int DEFAULT_POOL_SIZE = 20;

    /** {@code ~/.steward/postgres}. */
    static Path defaultDataDirectory() {
        return Path.of(System.getProperty("user.home"), ".steward", "postgres");
    }

    private static void requirePositive(int poolSize) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1 (got " + poolSize + ")");
        }
    }
}

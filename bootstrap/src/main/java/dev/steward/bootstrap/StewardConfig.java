package dev.steward.bootstrap;

import dev.steward.domain.msp.MspName;
import dev.steward.domain.problem.InvalidValue;
import dev.steward.domain.user.EmailAddress;
import dev.steward.domain.user.Password;
import dev.steward.adapter.docker.DockerSettings;
import dev.steward.adapter.persistence.PersistenceSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Steward reads from its environment, with the defaults that make the embedded mode work on a fresh
 * machine. The README's configuration table is this class, in prose.
 *
 * @param httpHost       {@code STEWARD_HTTP_HOST}, default {@code 127.0.0.1}
 * @param httpPort       {@code STEWARD_HTTP_PORT}, default {@code 8080} (0 picks a free port)
 * @param maxRequestBytes {@code STEWARD_MAX_REQUEST_BYTES}, default 1 MiB
 * @param store          {@code STEWARD_STORE}: {@code postgres} (default; embedded PostgreSQL under the data directory
 *                       unless {@code STEWARD_DATABASE_URL} is set) or {@code memory} (nothing survives a restart)
 * @param runtime        {@code STEWARD_RUNTIME}: {@code inprocess} (default), {@code docker} or {@code swarm}
 * @param docker         the Docker runtime's settings ({@code DOCKER_HOST}, {@code STEWARD_AGENT_*},
 *                       {@code STEWARD_CONTROL_PLANE_URL}, {@code STEWARD_INSTALLATION_ID}, by default derived from
 *                       the database URL or the data directory; see {@code DockerSettings}) when the runtime is
 *                       docker/swarm
 * @param dataDir        {@code STEWARD_DATA_DIR}, default {@code ~/.steward}
 * @param databaseUrl    {@code STEWARD_DATABASE_URL} (with {@code STEWARD_DATABASE_USER}/{@code _PASSWORD})
 * @param reconcileDue   {@code STEWARD_RECONCILE_DUE_MS}, default 200
 * @param reconcileFull  {@code STEWARD_RECONCILE_FULL_MS}, default 10000
 * @param firstRun       who is created when the store has no user yet: {@code STEWARD_ADMIN_EMAIL} (default
 *                       {@code admin@steward.local}), {@code STEWARD_ADMIN_PASSWORD} (default: generated and printed
 *                       once), {@code STEWARD_MSP_NAME} (default {@code Default MSP}, if no MSP exists either)
 */
public record StewardConfig(String httpHost, int httpPort, long maxRequestBytes, Store store, Runtime runtime,
                            Path dataDir, Optional<String> databaseUrl, Optional<String> databaseUser,
                            Optional<String> databasePassword, Duration reconcileDue, Duration reconcileFull,
                            Optional<DockerSettings> docker, FirstRun firstRun) {

    /** The first MSP and admin, created on a store without users. */
    public record FirstRun(String mspName, String adminEmail, Optional<String> adminPassword) {}

    public enum Store { POSTGRES, MEMORY }

    public enum Runtime { INPROCESS, DOCKER, SWARM }

    public static StewardConfig fromEnvironment() {
        return from(System.getenv());
    }

    public static StewardConfig from(Map<String, String> env) {
        Reader r = new Reader(env);
        Runtime runtime = r.choice("STEWARD_RUNTIME", Runtime.INPROCESS, Runtime.class);
        Path dataDir = Path.of(r.text("STEWARD_DATA_DIR",
                Path.of(System.getProperty("user.home"), ".steward").toString()));
        Optional<String> databaseUrl = r.optional("STEWARD_DATABASE_URL");
        Optional<DockerSettings> docker = Optional.empty();
        if (runtime != Runtime.INPROCESS) {
            try {
                // agents belong to the store that wants them: control planes sharing a database share the id
                docker = Optional.of(DockerSettings.from(env, DockerSettings.installationOf(
                        databaseUrl.orElseGet(() -> dataDir.toAbsolutePath().normalize().toString()))));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new ConfigurationError(e.getMessage());
            }
        }
        return new StewardConfig(
                r.text("STEWARD_HTTP_HOST", "127.0.0.1"),
                (int) r.number("STEWARD_HTTP_PORT", 8080, 0, 65_535),
                r.number("STEWARD_MAX_REQUEST_BYTES", 1L << 20, 1_024, 64L << 20),
                r.choice("STEWARD_STORE", Store.POSTGRES, Store.class),
                runtime,
                dataDir,
                databaseUrl,
                r.optional("STEWARD_DATABASE_USER"),
                r.optional("STEWARD_DATABASE_PASSWORD"),
                Duration.ofMillis(r.number("STEWARD_RECONCILE_DUE_MS", 200, 10, 600_000)),
                Duration.ofMillis(r.number("STEWARD_RECONCILE_FULL_MS", 10_000, 100, 3_600_000)),
                docker,
                firstRun(r));
    }

    private static FirstRun firstRun(Reader r) {
        String email = r.text("STEWARD_ADMIN_EMAIL", "admin@steward.local");
        // not stripped: blanks around a password are part of it
        Optional<String> password = Optional.ofNullable(r.env().get("STEWARD_ADMIN_PASSWORD")).filter(p -> !p.isEmpty());
        String mspName = r.text("STEWARD_MSP_NAME", "Default MSP");
        checked("STEWARD_ADMIN_EMAIL", () -> new EmailAddress(email));
        password.ifPresent(p -> checked("STEWARD_ADMIN_PASSWORD", () -> new Password(p)));
        checked("STEWARD_MSP_NAME", () -> new MspName(mspName));
        return new FirstRun(mspName, email, password);
    }

    private static void checked(String variable, Runnable check) {
        try {
            check.run();
        } catch (InvalidValue e) {
            throw new ConfigurationError(variable + ": " + e.rule());
        }
    }

    /** Where PostgreSQL is: the configured server, or an embedded one keeping its data under the data directory. */
    public PersistenceSettings persistence() {
        if (databaseUrl.isPresent()) {
            try {
                return new PersistenceSettings.External(databaseUrl.get(), databaseUser.orElse("steward"),
                        databasePassword.orElse(""));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationError("STEWARD_DATABASE_URL: " + e.getMessage());
            }
        }
        return new PersistenceSettings.Embedded(dataDir.resolve("postgres"));
    }

    private record Reader(Map<String, String> env) {

        Optional<String> optional(String key) {
            return Optional.ofNullable(env.get(key)).map(String::strip).filter(v -> !v.isEmpty());
        }

        String text(String key, String fallback) {
            return optional(key).orElse(fallback);
        }

        long number(String key, long fallback, long min, long max) {
            Optional<String> raw = optional(key);
            if (raw.isEmpty()) {
                return fallback;
            }
            long value;
            try {
                value = Long.parseLong(raw.get());
            } catch (NumberFormatException e) {
                throw new ConfigurationError(key + " must be a whole number (got '" + raw.get() + "')");
            }
            if (value < min || value > max) {
                throw new ConfigurationError(key + " must be between " + min + " and " + max + " (got " + value + ")");
            }
            return value;
        }

        <E extends Enum<E>> E choice(String key, E fallback, Class<E> type) {
            Optional<String> raw = optional(key);
            if (raw.isEmpty()) {
                return fallback;
            }
            try {
                return Enum.valueOf(type, raw.get().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                StringBuilder allowed = new StringBuilder();
                for (E constant : type.getEnumConstants()) {
                    allowed.append(allowed.isEmpty() ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT));
                }
                throw new ConfigurationError(key + " must be one of " + allowed + " (got '" + raw.get() + "')");
            }
        }
    }
}

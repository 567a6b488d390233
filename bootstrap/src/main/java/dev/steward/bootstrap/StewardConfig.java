package dev.steward.bootstrap;

import dev.steward.domain.msp.MspName;
import dev.steward.domain.problem.InvalidValue;
import dev.steward.domain.user.EmailAddress;
import dev.steward.domain.user.Password;
import dev.steward.adapter.docker.DockerSettings;
import dev.steward.adapter.llm.ApiKey;
import dev.steward.adapter.llm.LlmSettings;
import dev.steward.adapter.persistence.PersistenceSettings;
import dev.steward.adapter.persistence.SecretKeySource;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import dev.steward.application.provisioning.ProvisioningReconciler;
import dev.steward.application.spi.ProviderContext;
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
 * @param reconcileParallelism {@code STEWARD_RECONCILE_PARALLELISM}: how many clients the reconciler handles at once,
 *                       1-16 (each holds a database connection while its agent is created), default 12
 * @param reasoner       {@code STEWARD_REASONER}: {@code runbook} (default; no model at all) or {@code openai} (an
 *                       OpenAI-compatible chat-completions server)
 * @param llm            the model's settings when the reasoner is openai: {@code STEWARD_LLM_URL},
 *                       {@code STEWARD_LLM_MODEL}, {@code STEWARD_LLM_API_KEY} or {@code STEWARD_LLM_API_KEY_FILE}
 *                       (optional for local servers), {@code STEWARD_LLM_AZURE_API_VERSION} (selects Azure OpenAI),
 *                       {@code STEWARD_LLM_TIMEOUT_MS} (default 60000)
 * @param firstRun       who is created when the store has no user yet: {@code STEWARD_ADMIN_EMAIL} (default
 *                       {@code admin@steward.local}), {@code STEWARD_ADMIN_PASSWORD} (default: generated and printed
 *                       once), {@code STEWARD_MSP_NAME} (default {@code Default MSP}, if no MSP exists either)
 * @param secretKey      the key that encrypts integration secrets in PostgreSQL: {@code STEWARD_SECRET_KEY} (32 bytes,
 *                       base64), else the file {@code STEWARD_SECRET_KEY_FILE} holds it, else
 *                       {@code <data dir>/secret.key}, created on first start
 * @param psaPoll        how often every connected PSA is polled for new tickets: {@code STEWARD_PSA_POLL_MS},
 *                       default 60000 (webhooks deliver at once; polling catches what they miss)
 * @param security       {@code STEWARD_TRUST_PROXY}, {@code STEWARD_INTEGRATIONS_ALLOW_HTTP},
 *                       {@code STEWARD_SESSION_IDLE_MINUTES}, {@code STEWARD_WEBHOOK_DELIVERIES_PER_MINUTE};
 *                       see {@link Security}
 * @param metricsToken   {@code STEWARD_METRICS_TOKEN}: the bearer token that reads {@code GET /metrics} (16+
 *                       characters); without it metrics are off
 * @param agentWork      how agents' work is handed out and finished: {@code STEWARD_WORK_LEASE_MS} (default 30000),
 *                       {@code STEWARD_APPROVAL_TIMEOUT_MS} (default 86400000: 24 hours),
 *                       {@code STEWARD_HANDOFF_STATUS} (default {@code Needs Technician})
 * @param publicUrl      {@code STEWARD_PUBLIC_URL}: where PSAs reach this installation from outside (an absolute
 *                       http(s) URL, e.g. {@code https://steward.example.com}); connecting a PSA then registers its
 *                       webhook at {@code <publicUrl>/hooks/psa/<mspId>/<kind>} (HaloPSA: shows it to paste). Without
 *                       it PSAs are polled only
 */
public record StewardConfig(String httpHost, int httpPort, long maxRequestBytes, Store store, Runtime runtime,
                            Path dataDir, Optional<String> databaseUrl, Optional<String> databaseUser,
                            Optional<String> databasePassword, Duration reconcileDue, Duration reconcileFull,
                            int reconcileParallelism,
                            Optional<DockerSettings> docker, FirstRun firstRun, Reasoner reasoner,
                            Optional<LlmSettings> llm, SecretKeySource secretKey, Duration psaPoll,
                            Security security, Optional<String> metricsToken, AgentWork agentWork,
                            Optional<String> publicUrl) {

    /**
     * @param lease           how long an agent holds a work item without renewing it; after that it is delivered again
     * @param approvalTimeout how long an approval waits for a technician before it expires (a denial)
     * @param handoffStatus   the PSA status a ticket moves to when nothing could be done automatically
     */
    public record AgentWork(Duration lease, Duration approvalTimeout, String handoffStatus) {}

    /** The first MSP and admin, created on a store without users. */
    public record FirstRun(String mspName, String adminEmail, Optional<String> adminPassword) {}

    /**
     * @param trustProxy            {@code STEWARD_TRUST_PROXY} ({@code false}): believe a reverse proxy's
     *                              {@code X-Forwarded-Proto: https} (HSTS, secure cookies); only behind a proxy that
     *                              sets it
     * @param integrationsAllowHttp {@code STEWARD_INTEGRATIONS_ALLOW_HTTP} ({@code false}): let integrations' base
     *                              URLs use plain http to any host (otherwise only to loopback)
     * @param sessionIdle           {@code STEWARD_SESSION_IDLE_MINUTES} (30): a dashboard session unused this long
     *                              ends, besides its absolute 12 h
     * @param webhookRate           {@code STEWARD_WEBHOOK_DELIVERIES_PER_MINUTE} (120): PSA webhook deliveries each
     *                              MSP may send a minute, a minute's worth at once
     */
    public record Security(boolean trustProxy, boolean integrationsAllowHttp, Duration sessionIdle,
                           int webhookRate) {}

    public enum Store { POSTGRES, MEMORY }

    public enum Runtime { INPROCESS, DOCKER, SWARM }

    public enum Reasoner { RUNBOOK, OPENAI }

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
        Reasoner reasoner = r.choice("STEWARD_REASONER", Reasoner.RUNBOOK, Reasoner.class);
        Optional<LlmSettings> llm = reasoner == Reasoner.OPENAI ? Optional.of(llm(r)) : Optional.empty();
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
                (int) r.number("STEWARD_RECONCILE_PARALLELISM", ProvisioningReconciler.Parallelism.DEFAULT.steps(), 1,
                        ProvisioningReconciler.Parallelism.MAX),
                docker,
                firstRun(r), reasoner, llm,
                secretKey(r, dataDir),
                Duration.ofMillis(r.number("STEWARD_PSA_POLL_MS", 60_000, 1_000, 86_400_000)),
                new Security(r.flag("STEWARD_TRUST_PROXY"), r.flag("STEWARD_INTEGRATIONS_ALLOW_HTTP"),
                        Duration.ofMinutes(r.number("STEWARD_SESSION_IDLE_MINUTES", 30, 1, 720)),
                        (int) r.number("STEWARD_WEBHOOK_DELIVERIES_PER_MINUTE", 120, 1, 1_000_000)),
                metricsToken(r), agentWork(r), publicUrl(r));
    }

    /** Checked by the one rule providers build webhook URLs with, so what starts is what they can use. */
    private static Optional<String> publicUrl(Reader r) {
        Optional<String> url = r.optional("STEWARD_PUBLIC_URL");
        try {
            return ProviderContext.defaults(java.time.Clock.systemUTC()).withPublicUrl(url).publicUrl();
        } catch (InvalidValue e) {
            throw new ConfigurationError("STEWARD_PUBLIC_URL must be an absolute http or https URL where PSAs reach "
                    + "Steward, such as https://steward.example.com (no query)");
        }
    }

    private static Optional<String> metricsToken(Reader r) {
        Optional<String> token = r.optional("STEWARD_METRICS_TOKEN");
        if (token.isPresent() && token.get().length() < 16) {
            throw new ConfigurationError("STEWARD_METRICS_TOKEN must be at least 16 characters (e.g. openssl rand"
                    + " -hex 24)");
        }
        return token;
    }

    private static AgentWork agentWork(Reader r) {
        String handoff = r.text("STEWARD_HANDOFF_STATUS", "Needs Technician");
        if (handoff.length() > 100) {
            throw new ConfigurationError("STEWARD_HANDOFF_STATUS must be a PSA status label of at most 100 characters");
        }
        return new AgentWork(Duration.ofMillis(r.number("STEWARD_WORK_LEASE_MS", 30_000, 1_000, 3_600_000)),
                Duration.ofMillis(r.number("STEWARD_APPROVAL_TIMEOUT_MS", 86_400_000, 1_000, 31L * 86_400_000)),
                handoff);
    }

    private static SecretKeySource secretKey(Reader r, Path dataDir) {
        Optional<String> given = r.optional("STEWARD_SECRET_KEY");
        if (given.isPresent()) {
            try {
                return new SecretKeySource.Given(given.get());
            } catch (IllegalArgumentException e) {
                throw new ConfigurationError("STEWARD_SECRET_KEY: " + e.getMessage());
            }
        }
        return r.optional("STEWARD_SECRET_KEY_FILE").map(file -> new SecretKeySource.KeyFile(Path.of(file), false))
                .orElseGet(() -> new SecretKeySource.KeyFile(dataDir.resolve("secret.key"), true));
    }

    /** The variable each {@link LlmSettings} field comes from, to name it when the adapter refuses a value. */
    private static final Map<String, String> LLM_VARIABLES = Map.of("url", "STEWARD_LLM_URL",
            "model", "STEWARD_LLM_MODEL", "azureApiVersion", "STEWARD_LLM_AZURE_API_VERSION",
            "key", "STEWARD_LLM_API_KEY", "requestTimeout", "STEWARD_LLM_TIMEOUT_MS");

    private static LlmSettings llm(Reader r) {
        String url = r.required("STEWARD_LLM_URL", "the chat-completions server's base URL");
        String model = r.required("STEWARD_LLM_MODEL", "the model name, e.g. gpt-4o-mini or qwen2.5:14b");
        Optional<ApiKey> key = apiKey(r);
        Duration timeout = Duration.ofMillis(r.number("STEWARD_LLM_TIMEOUT_MS", 60_000, 1_000, 600_000));
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationError("STEWARD_LLM_URL must be a URL (got '" + url + "')");
        }
        try {
            return new LlmSettings(uri, model, key, r.optional("STEWARD_LLM_AZURE_API_VERSION"), timeout,
                    LlmSettings.DEFAULT_ATTEMPTS, LlmSettings.DEFAULT_MAX_RETRY_WAIT);
        } catch (IllegalArgumentException e) {
            String field = e.getMessage().split(" ", 2)[0];
            throw new ConfigurationError(LLM_VARIABLES.getOrDefault(field, field) + e.getMessage().substring(field.length()));
        }
    }

    /** The key from {@code STEWARD_LLM_API_KEY} or from the file {@code STEWARD_LLM_API_KEY_FILE} (never both). */
    private static Optional<ApiKey> apiKey(Reader r) {
        Optional<String> inline = r.optional("STEWARD_LLM_API_KEY");
        Optional<String> file = r.optional("STEWARD_LLM_API_KEY_FILE");
        if (inline.isPresent() && file.isPresent()) {
            throw new ConfigurationError("set STEWARD_LLM_API_KEY or STEWARD_LLM_API_KEY_FILE, not both");
        }
        try {
            if (file.isPresent()) {
                return Optional.of(ApiKey.of("STEWARD_LLM_API_KEY_FILE", Files.readString(Path.of(file.get()))));
            }
            return inline.map(value -> ApiKey.of("STEWARD_LLM_API_KEY", value));
        } catch (IOException | InvalidPathException e) {
            throw new ConfigurationError("STEWARD_LLM_API_KEY_FILE cannot be read (" + file.orElseThrow() + ": "
                    + e.getClass().getSimpleName() + ")");
        } catch (IllegalArgumentException e) {
            throw new ConfigurationError(e.getMessage());
        }
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

        String required(String key, String what) {
            return optional(key).orElseThrow(() -> new ConfigurationError(key + " is required (" + what + ")"));
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

        /** {@code true} or {@code false}; absent is false. */
        boolean flag(String key) {
            Optional<String> raw = optional(key).map(v -> v.toLowerCase(Locale.ROOT));
            if (raw.isEmpty() || raw.get().equals("false")) {
                return false;
            }
            if (raw.get().equals("true")) {
                return true;
            }
            throw new ConfigurationError(key + " must be true or false (got '" + optional(key).orElseThrow() + "')");
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

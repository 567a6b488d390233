package dev.steward.adapter.docker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How agents run on a Docker engine. {@link #from(Map)} reads them from the environment (names below); every bad
 * value is refused with a message naming the variable.
 *
 * @param dockerHost      {@code DOCKER_HOST}, default {@code unix:///var/run/docker.sock} ({@code tcp://} works too)
 * @param mode            {@code STEWARD_RUNTIME}: {@code docker} (one container per client) or {@code swarm} (one
 *                        Swarm service per client)
 * @param installation    {@code STEWARD_INSTALLATION_ID}: which Steward installation the agents belong to, written to
 *                        the {@code steward.installation} label. Only agents with our id are ours to observe, replace
 *                        or remove as orphans, so two installations can share one engine. Control planes sharing one
 *                        database must share the id; by default it is derived from where the desired state lives
 *                        ({@link #installationOf})
 * @param image           {@code STEWARD_AGENT_IMAGE}, default {@code steward/agent:dev} (built by
 *                        {@code adapters-docker/image/build-agent-image.sh})
 * @param controlPlaneUrl {@code STEWARD_CONTROL_PLANE_URL}: where agents reach the control plane. For {@code docker}
 *                        the default is {@code http://host.docker.internal:<STEWARD_HTTP_PORT>} (8080 unless set),
 *                        which each container maps to the host's gateway. Swarm services cannot have that mapping (their tasks may run on any node),
 *                        so {@code swarm} requires the variable: an address every node reaches, e.g. the manager's
 *                        IP or a load balancer
 * @param nanoCpus        {@code STEWARD_AGENT_CPUS} (decimal cores, default 0.5) as billionths of a CPU
 * @param memoryBytes     {@code STEWARD_AGENT_MEMORY_MB}, default 256
 * @param pidsLimit       {@code STEWARD_AGENT_PIDS}, default 256 (containers only; Swarm's API 1.41 has no pids limit)
 * @param maxRestarts     {@code STEWARD_AGENT_MAX_RESTARTS}: restarts the engine does on its own after a crash,
 *                        default 3; beyond that the agent stays down and the reconciler reports it
 * @param healthCommand   {@code STEWARD_AGENT_HEALTH_CMD}, the shell command of the engine's health check when it is
 *                        turned on; default: the agent touched {@code /tmp/steward-heartbeat} within the last 30 s
 * @param healthInterval  {@code STEWARD_AGENT_HEALTH_INTERVAL_MS}: how often the engine runs that health check in
 *                        each container; default 0, no health check at all. The control plane judges agents alive by
 *                        their check-ins (the reconciler's {@code LivenessJudge}); the engine's check only adds what
 *                        {@code docker ps} shows, and costs a {@code runc exec} of 60-70 ms of host CPU per check and
 *                        agent: 50 idle agents took 62 % of a core with it at 5 s, 3.7 % without, 15.1 % at 30 s
 *                        (docs/benchmarks.md). At least 100 when set; an unhealthy agent is then acted on as a
 *                        silent one is
 * @param registry        {@code STEWARD_REGISTRY_USER} with {@code STEWARD_REGISTRY_PASSWORD} or
 *                        {@code STEWARD_REGISTRY_PASSWORD_FILE}: credentials for the registry named in the image,
 *                        handed to the engine (and by Swarm to every node) to pull it; absent for an open registry
 * @param swarmConstraints {@code STEWARD_SWARM_CONSTRAINT}: placement constraints for agent services, comma-separated
 *                        (e.g. {@code node.labels.steward==agents}); the image's platform is always added
 */
public record DockerSettings(String dockerHost, Mode mode, String installation, String image, String controlPlaneUrl,
                             long nanoCpus, long memoryBytes, long pidsLimit, int maxRestarts, String healthCommand,
                             Duration healthInterval, Optional<RegistryCredentials> registry,
                             List<String> swarmConstraints) {

    public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";
    /** The installation of {@link #defaults}, for embedding and tests. */
    public static final String DEFAULT_INSTALLATION = "default";
    public static final String DEFAULT_IMAGE = "steward/agent:dev";
    public static final String HEARTBEAT_FILE = "/tmp/steward-heartbeat";
    public static final String DEFAULT_HEALTH_COMMAND = "test -f " + HEARTBEAT_FILE
            + " && test $(( $(date +%s) - $(stat -c %Y " + HEARTBEAT_FILE + ") )) -lt 30";
    /** {@code STEWARD_AGENT_HEALTH_INTERVAL_MS=0}, the default: the engine runs no health check in agent containers. */
    public static final Duration NO_HEALTH_CHECK = Duration.ZERO;
    /** Docker mode's default, before the port: each container maps host.docker.internal to the host's gateway. */
    private static final String DOCKER_CONTROL_PLANE_HOST = "http://host.docker.internal:";
    /** A Swarm placement constraint: {@code <attribute> == | != <value>}. */
    private static final Pattern CONSTRAINT = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*\\s*(==|!=)\\s*[^\\s,]+");
    /** A label value people can read and type; no spaces or quotes to get wrong in a {@code docker ps} filter. */
    private static final Pattern INSTALLATION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    /** Where agents run on the engine. */
    public enum Mode {
        DOCKER(DockerAgentRuntime.class), SWARM(SwarmAgentRuntime.class);

        private final Class<? extends dev.steward.application.port.runtime.AgentRuntime> runtime;

        Mode(Class<? extends dev.steward.application.port.runtime.AgentRuntime> runtime) {
            this.runtime = runtime;
        }

        Class<? extends dev.steward.application.port.runtime.AgentRuntime> runtime() {
            return runtime;
        }
    }

    public DockerSettings {
        require(dockerHost, "DOCKER_HOST");
        if (!dockerHost.startsWith("unix://") && !dockerHost.startsWith("tcp://")) {
            throw new IllegalArgumentException("DOCKER_HOST must start with unix:// or tcp:// (got '" + dockerHost + "')");
        }
        Objects.requireNonNull(mode, "STEWARD_RUNTIME");
        require(installation, "STEWARD_INSTALLATION_ID");
        if (!INSTALLATION_ID.matcher(installation).matches()) {
            throw new IllegalArgumentException("STEWARD_INSTALLATION_ID must be 1-64 letters, digits, '.', '_' or '-',"
                    + " starting with a letter or digit (got '" + installation + "')");
        }
        require(image, "STEWARD_AGENT_IMAGE");
        require(controlPlaneUrl, "STEWARD_CONTROL_PLANE_URL");
        if (!controlPlaneUrl.startsWith("http://") && !controlPlaneUrl.startsWith("https://")) {
            throw new IllegalArgumentException("STEWARD_CONTROL_PLANE_URL must be an http(s) URL (got '"
                    + controlPlaneUrl + "')");
        }
        atLeast(nanoCpus, 10_000_000L, "STEWARD_AGENT_CPUS (in billionths of a CPU)");
        atLeast(memoryBytes, 6L << 20, "STEWARD_AGENT_MEMORY_MB (in bytes)");
        atLeast(pidsLimit, 8, "STEWARD_AGENT_PIDS");
        atLeast(maxRestarts, 0, "STEWARD_AGENT_MAX_RESTARTS");
        require(healthCommand, "STEWARD_AGENT_HEALTH_CMD");
        Objects.requireNonNull(healthInterval, "STEWARD_AGENT_HEALTH_INTERVAL_MS");
        if (!healthInterval.isZero()) {
            atLeast(healthInterval.toMillis(), 100, "STEWARD_AGENT_HEALTH_INTERVAL_MS (0 for no health check)");
        }
        Objects.requireNonNull(registry, "registry");
        swarmConstraints = List.copyOf(swarmConstraints);
        for (String constraint : swarmConstraints) {
            if (!CONSTRAINT.matcher(constraint).matches()) {
                throw new IllegalArgumentException("STEWARD_SWARM_CONSTRAINT must be constraints like"
                        + " node.labels.steward==agents, separated by commas (got '" + constraint + "')");
            }
        }
        if (mode == Mode.SWARM && !ImageName.namesRegistry(image)) {
            throw new IllegalArgumentException("STEWARD_AGENT_IMAGE must name its registry for STEWARD_RUNTIME=swarm,"
                    + " e.g. registry.example.com:5000/steward/agent:1.0 (got '" + image + "'): every node pulls the"
                    + " image, and a name without a registry would be pulled from Docker Hub, from whoever owns that"
                    + " name there");
        }
    }

    /** The defaults, for the given control-plane URL and image. */
    public static DockerSettings defaults(String image, String controlPlaneUrl) {
        return new DockerSettings(DEFAULT_HOST, Mode.DOCKER, DEFAULT_INSTALLATION, image, controlPlaneUrl,
                500_000_000L, 256L << 20, 256, 3, DEFAULT_HEALTH_COMMAND, NO_HEALTH_CHECK, Optional.empty(),
                List.of());
    }

    /** Whether the engine runs a health check in each agent container ({@code STEWARD_AGENT_HEALTH_INTERVAL_MS > 0}). */
    public boolean healthCheckOn() {
        return !healthInterval.isZero();
    }

    public DockerSettings withMode(Mode value) {
        return new DockerSettings(dockerHost, value, installation, image, controlPlaneUrl, nanoCpus, memoryBytes,
                pidsLimit, maxRestarts, healthCommand, healthInterval, registry, swarmConstraints);
    }

    public DockerSettings withDockerHost(String value) {
        return new DockerSettings(value, mode, installation, image, controlPlaneUrl, nanoCpus, memoryBytes, pidsLimit,
                maxRestarts, healthCommand, healthInterval, registry, swarmConstraints);
    }

    public DockerSettings withInstallation(String value) {
        return new DockerSettings(dockerHost, mode, value, image, controlPlaneUrl, nanoCpus, memoryBytes, pidsLimit,
                maxRestarts, healthCommand, healthInterval, registry, swarmConstraints);
    }

    public DockerSettings withHealth(String command, Duration interval) {
        return new DockerSettings(dockerHost, mode, installation, image, controlPlaneUrl, nanoCpus, memoryBytes,
                pidsLimit, maxRestarts, command, interval, registry, swarmConstraints);
    }

    public DockerSettings withImage(String value) {
        return new DockerSettings(dockerHost, mode, installation, value, controlPlaneUrl, nanoCpus, memoryBytes,
                pidsLimit, maxRestarts, healthCommand, healthInterval, registry, swarmConstraints);
    }

    public DockerSettings withRegistry(Optional<RegistryCredentials> value) {
        return new DockerSettings(dockerHost, mode, installation, image, controlPlaneUrl, nanoCpus, memoryBytes,
                pidsLimit, maxRestarts, healthCommand, healthInterval, value, swarmConstraints);
    }

    public DockerSettings withSwarmConstraints(List<String> value) {
        return new DockerSettings(dockerHost, mode, installation, image, controlPlaneUrl, nanoCpus, memoryBytes,
                pidsLimit, maxRestarts, healthCommand, healthInterval, registry, value);
    }

    /**
     * A stable installation id derived from where the desired state lives (the database URL, or the data directory of
     * the embedded store): control planes sharing one database get the same id, two installations on one machine
     * (which need two data directories) get different ones. E.g. {@code sha-1a2b3c4d5e6f7a8b}.
     */
    public static String installationOf(String stateLocation) {
        if (stateLocation == null || stateLocation.isBlank()) {
            throw new IllegalArgumentException("the location of the desired state is required to derive"
                    + " STEWARD_INSTALLATION_ID");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(stateLocation.getBytes(StandardCharsets.UTF_8));
            return "sha-" + HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** {@link #from(Map, String)} with {@link #DEFAULT_INSTALLATION} when {@code STEWARD_INSTALLATION_ID} is unset. */
    public static DockerSettings from(Map<String, String> env) {
        return from(env, DEFAULT_INSTALLATION);
    }

    /**
     * Reads the variables named in the class comment; absent or blank ones take their default.
     *
     * @param defaultInstallation the installation id when {@code STEWARD_INSTALLATION_ID} is unset (see
     *                            {@link #installationOf})
     */
    public static DockerSettings from(Map<String, String> env, String defaultInstallation) {
        Optional<String> cpus = value(env, "STEWARD_AGENT_CPUS");
        long nanoCpus = 500_000_000L;
        if (cpus.isPresent()) {
            try {
                nanoCpus = Math.round(Double.parseDouble(cpus.get()) * 1_000_000_000L);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("STEWARD_AGENT_CPUS must be a decimal number of cores, e.g. 0.5"
                        + " (got '" + cpus.get() + "')");
            }
        }
        String mode = value(env, "STEWARD_RUNTIME").orElse("docker");
        Mode parsed = switch (mode.toLowerCase(Locale.ROOT)) {
            case "docker" -> Mode.DOCKER;
            case "swarm" -> Mode.SWARM;
            default -> throw new IllegalArgumentException("STEWARD_RUNTIME must be docker or swarm for the Docker"
                    + " runtime (got '" + mode + "')");
        };
        Optional<String> controlPlaneUrl = value(env, "STEWARD_CONTROL_PLANE_URL");
        if (parsed == Mode.SWARM && controlPlaneUrl.isEmpty()) {
            throw new IllegalArgumentException("STEWARD_CONTROL_PLANE_URL is required for STEWARD_RUNTIME=swarm: the"
                    + " http(s) address at which every swarm node reaches the control plane (host.docker.internal"
                    + " exists only for containers on the control plane's own host)");
        }
        String httpPort = value(env, "STEWARD_HTTP_PORT").orElse("8080");
        if (controlPlaneUrl.isEmpty() && "0".equals(httpPort)) {
            throw new IllegalArgumentException("STEWARD_CONTROL_PLANE_URL is required when STEWARD_HTTP_PORT is 0: the"
                    + " port is picked at start, so agents cannot be told it in advance");
        }
        return new DockerSettings(
                value(env, "DOCKER_HOST").orElse(DEFAULT_HOST),
                parsed,
                value(env, "STEWARD_INSTALLATION_ID").orElse(defaultInstallation),
                value(env, "STEWARD_AGENT_IMAGE").orElse(DEFAULT_IMAGE),
                controlPlaneUrl.orElse(DOCKER_CONTROL_PLANE_HOST + httpPort),
                nanoCpus,
                number(env, "STEWARD_AGENT_MEMORY_MB", 256) << 20,
                number(env, "STEWARD_AGENT_PIDS", 256),
                (int) number(env, "STEWARD_AGENT_MAX_RESTARTS", 3),
                value(env, "STEWARD_AGENT_HEALTH_CMD").orElse(DEFAULT_HEALTH_COMMAND),
                Duration.ofMillis(number(env, "STEWARD_AGENT_HEALTH_INTERVAL_MS", 0)),
                registry(env),
                value(env, "STEWARD_SWARM_CONSTRAINT").stream().flatMap(v -> Arrays.stream(v.split(",")))
                        .map(String::strip).filter(c -> !c.isEmpty()).toList());
    }

    /** The registry credentials: a user and a password, the password given directly or in a file (never both). */
    private static Optional<RegistryCredentials> registry(Map<String, String> env) {
        Optional<String> user = value(env, "STEWARD_REGISTRY_USER");
        Optional<String> password = value(env, "STEWARD_REGISTRY_PASSWORD");
        Optional<String> file = value(env, "STEWARD_REGISTRY_PASSWORD_FILE");
        if (password.isPresent() && file.isPresent()) {
            throw new IllegalArgumentException("set STEWARD_REGISTRY_PASSWORD or STEWARD_REGISTRY_PASSWORD_FILE, not both");
        }
        if (file.isPresent()) {
            try {
                password = Optional.of(Files.readString(Path.of(file.get())).strip()).filter(p -> !p.isEmpty());
            } catch (IOException e) {
                throw new IllegalArgumentException("STEWARD_REGISTRY_PASSWORD_FILE cannot be read (" + file.get() + ": "
                        + e.getClass().getSimpleName() + ")");
            }
            if (password.isEmpty()) {
                throw new IllegalArgumentException("STEWARD_REGISTRY_PASSWORD_FILE is empty (" + file.get() + ")");
            }
        }
        if (user.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("STEWARD_REGISTRY_USER and a password (STEWARD_REGISTRY_PASSWORD or"
                    + " STEWARD_REGISTRY_PASSWORD_FILE) go together: set both or neither");
        }
        Optional<String> secret = password;
        return user.map(name -> new RegistryCredentials(name, secret.orElseThrow()));
    }

    private static Optional<String> value(Map<String, String> env, String key) {
        return Optional.ofNullable(env.get(key)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static long number(Map<String, String> env, String key, long fallback) {
        Optional<String> raw = value(env, key);
        try {
            return raw.map(Long::parseLong).orElse(fallback);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number (got '" + raw.get() + "')");
        }
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    private static void atLeast(long value, long min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + " (got " + value + ")");
        }
    }
}

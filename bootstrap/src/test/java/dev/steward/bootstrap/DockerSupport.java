package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** What the Docker ITs share: the engine guard (skip locally, fail under CI=true), the agent image, the CLI. */
final class DockerSupport {

    /** {@code STEWARD_IT_AGENT_IMAGE} lets builds that share one engine (parallel worktrees) keep their own image. */
    static final String IMAGE = System.getenv().getOrDefault("STEWARD_IT_AGENT_IMAGE", "steward/agent:it");

    /**
     * How long a test waits for a real agent container to become active: seconds on a quiet machine, but a CI
     * machine shared with other builds has taken over two minutes (a JVM starting on two busy cores).
     */
    static final Duration AGENT_START = Duration.ofMinutes(5);

    private DockerSupport() {
    }

    record Result(int exit, String output) {}

    /** Aborts the test class (locally) or fails it (CI=true) when no engine answers. */
    static void requireEngine(String test) throws Exception {
        if (run(List.of("docker", "info"), Duration.ofSeconds(20)).exit() == 0) {
            return;
        }
        String reason = "no Docker engine answers `docker info`";
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(reason + " (CI=true: .ci/install-docker.sh must start one)");
        }
        System.out.println("SKIPPED " + test + ": " + reason);
        Assumptions.abort(reason);
    }

    /** Builds the real agent image from the jar this build just packaged (once per JVM). */
    static void buildAgentImage() throws Exception {
        buildAgentImage(IMAGE, false);
    }

    /** Builds the agent image as {@code tag} (once per JVM and tag) and, with {@code push}, pushes it to its registry. */
    static synchronized void buildAgentImage(String tag, boolean push) throws Exception {
        if (!BUILT.add(tag)) {
            return;
        }
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> command = new java.util.ArrayList<>(List.of(
                root.resolve("adapters-docker/image/build-agent-image.sh").toString()));
        if (push) {
            command.add("--push");
        }
        command.addAll(List.of(root.resolve("bootstrap/target/steward.jar").toString(), tag));
        Result build = run(command, Duration.ofMinutes(12)); // the AOT training run is slow on busy cores
        if (build.exit() != 0) {
            BUILT.remove(tag);
        }
        assertThat(build.exit()).as("agent image build:%n%s", build.output()).isZero();
    }

    private static final java.util.Set<String> BUILT = new java.util.HashSet<>();

    /**
     * {@code .ci/two-node-swarm.sh up|down}: a worker engine in its own network namespace joined to this machine's
     * swarm, and a registry. {@code up} returns its description (WORKER_NODE, REGISTRY, HOST_ADDRESS, ...); where it
     * cannot be set up the test is skipped (locally) or fails (CI=true).
     */
    static Map<String, String> twoNodeSwarm(String verb) throws Exception {
        Path script = Path.of("").toAbsolutePath().getParent().resolve(".ci/two-node-swarm.sh");
        Result result = run(List.of("bash", script.toString(), verb), Duration.ofMinutes(3));
        if (result.exit() != 0) {
            String reason = "the two-node swarm could not be set up: " + result.output();
            if ("true".equals(System.getenv("CI")) || !"up".equals(verb)) {
                throw new AssertionError(reason);
            }
            System.out.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
        Map<String, String> values = new HashMap<>();
        for (String line : result.output().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.substring(0, eq).matches("[A-Z_]+")) {
                values.put(line.substring(0, eq), line.substring(eq + 1).strip());
            }
        }
        return values;
    }

    /**
     * A control plane on the Docker runtime running the real agent image, reachable by its containers
     * ({@code 0.0.0.0} + {@code host.docker.internal}), with fast reconcile passes and, as in production, no engine
     * health check.
     * {@code overrides} replace or add settings.
     */
    static StewardServer startControlPlane(String name, Map<String, String> overrides) throws Exception {
        return StewardServer.start(StewardConfig.from(controlPlaneEnvironment(name, overrides)));
    }

    /** The environment {@link #startControlPlane} starts a control plane with (a free port of its own). */
    static Map<String, String> controlPlaneEnvironment(String name, Map<String, String> overrides) throws IOException {
        int port = freePort();
        Map<String, String> env = new HashMap<>(Map.of(
                "STEWARD_RUNTIME", "docker",
                "STEWARD_AGENT_IMAGE", IMAGE,
                "STEWARD_HTTP_HOST", "0.0.0.0",
                "STEWARD_HTTP_PORT", Integer.toString(port),
                "STEWARD_CONTROL_PLANE_URL", "http://host.docker.internal:" + port,
                "STEWARD_RECONCILE_DUE_MS", "100",
                "STEWARD_DATA_DIR", Files.createTempDirectory("steward-" + name).toString()));
        env.putAll(overrides);
        return env;
    }

    /**
     * The id of {@code installation}'s agent container once it alone runs and the world's client {@code slug} is
     * active with nothing deploying.
     */
    static String runningAgent(PlanModeWorld world, String installation, String slug) {
        org.awaitility.Awaitility.await().atMost(AGENT_START).pollInterval(Duration.ofMillis(500)).until(() ->
                !agentContainer(installation).isEmpty() && !agentContainer(installation).contains("\n")
                        && world.api("GET", "/api/v1/clients/" + slug, null).body()
                        .matches("(?s).*\"status\":\"active\".*\"state\":\"idle\".*"));
        return agentContainer(installation);
    }

    /** Removes every agent container of {@code installation}, running or not. */
    static void removeAgentsOf(String installation) throws IOException, InterruptedException {
        run(List.of("sh", "-c", "docker ps -aq --filter label=steward.installation=" + installation
                + " | xargs -r docker rm -f"), Duration.ofSeconds(60));
    }

    /** The id of {@code installation}'s running agent container ("" when none runs). */
    static String agentContainer(String installation) {
        return uncheckedRun(List.of("docker", "ps", "-q", "--filter", "label=steward.installation=" + installation))
                .strip();
    }

    /** A container's whole log. */
    static String logsOf(String container) {
        return uncheckedRun(List.of("docker", "logs", container));
    }

    private static String uncheckedRun(List<String> command) {
        try {
            return run(command, Duration.ofSeconds(20)).output();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void removeContainersNamed(String namePart) throws Exception {
        run(List.of("sh", "-c", "docker ps -aq --filter label=steward.client --filter name=" + namePart
                + " | xargs -r docker rm -f"), Duration.ofSeconds(60));
    }

    static Result run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        // the output goes to a file, not a pipe: a command that writes more than a pipe holds (an agent's whole log)
        // would otherwise block on the full pipe until the timeout
        Path output = Files.createTempFile("steward-command", ".out");
        try {
            Process process;
            try {
                process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            } catch (IOException e) {
                return new Result(127, e.getMessage());
            }
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(124, "timed out: " + command);
            }
            return new Result(process.exitValue(), new String(Files.readAllBytes(output), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}

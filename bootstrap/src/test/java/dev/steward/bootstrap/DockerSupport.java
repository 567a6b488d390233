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

    static final String IMAGE = "steward/agent:it";

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
    static synchronized void buildAgentImage() throws Exception {
        if (built) {
            return;
        }
        Path root = Path.of("").toAbsolutePath().getParent();
        Result build = run(List.of(root.resolve("adapters-docker/image/build-agent-image.sh").toString(),
                root.resolve("bootstrap/target/steward.jar").toString(), IMAGE), Duration.ofMinutes(5));
        assertThat(build.exit()).as("agent image build:%n%s", build.output()).isZero();
        built = true;
    }

    private static boolean built;

    /**
     * A control plane on the Docker runtime running the real agent image, reachable by its containers
     * ({@code 0.0.0.0} + {@code host.docker.internal}), with fast health checks and reconcile passes.
     * {@code overrides} replace or add settings.
     */
    static StewardServer startControlPlane(String name, Map<String, String> overrides) throws Exception {
        int port = freePort();
        Map<String, String> env = new HashMap<>(Map.of(
                "STEWARD_RUNTIME", "docker",
                "STEWARD_AGENT_IMAGE", IMAGE,
                "STEWARD_HTTP_HOST", "0.0.0.0",
                "STEWARD_HTTP_PORT", Integer.toString(port),
                "STEWARD_CONTROL_PLANE_URL", "http://host.docker.internal:" + port,
                "STEWARD_AGENT_HEALTH_INTERVAL_MS", "1000",
                "STEWARD_RECONCILE_DUE_MS", "100",
                "STEWARD_DATA_DIR", Files.createTempDirectory("steward-" + name).toString()));
        env.putAll(overrides);
        return StewardServer.start(StewardConfig.from(env));
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
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Result(127, e.getMessage());
        }
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(124, "timed out: " + command);
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}

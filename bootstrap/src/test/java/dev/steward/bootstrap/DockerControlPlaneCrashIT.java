package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 6's crash test with real processes: a control plane ({@code java -jar steward.jar server}, its own JVM, the
 * embedded PostgreSQL, the Docker runtime and the real agent image) is killed with SIGKILL the moment the engine
 * reports the client's container created, that is between "container created" and "status saved". Started again
 * on the same data directory it must end with exactly one container for the client and the client {@code active}.
 *
 * <p>The kill takes the embedded PostgreSQL down too (its postmaster and backends, SIGKILL), as a crash of the
 * machine or of the service's cgroup would; the restart recovers the cluster from its WAL. Whatever the kill left
 * (no token saved for the agent in the container, a container created but not started, a status not saved), the
 * restarted control plane must converge without anyone acting. No hook in production code: the test watches
 * {@code docker events} for the create of a container with this run's {@code steward.installation} label.
 */
class DockerControlPlaneCrashIT {

    private static final String SLUG = "crash-docker";
    private static final String INSTALLATION = "crash-it-" + UUID.randomUUID().toString().substring(0, 8);
    private static final List<Process> started = new ArrayList<>();
    private static Path dataDir;
    private static Path logs;
    private static ApiCaller api;

    @BeforeAll
    static void prepare() throws Exception {
        DockerSupport.requireEngine("DockerControlPlaneCrashIT");
        DockerSupport.buildAgentImage();
        dataDir = Files.createTempDirectory("steward-crash");
        logs = Path.of("target", "crash-it");
        Files.createDirectories(logs);
    }

    @AfterAll
    static void stop() throws Exception {
        for (Process process : started) {
            process.destroy(); // SIGTERM: a graceful stop for the one still running
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        if (dataDir != null) {
            DockerSupport.run(List.of("sh", "-c", "docker ps -aq --filter label=steward.installation=" + INSTALLATION
                    + " | xargs -r docker rm -f"), Duration.ofSeconds(60));
        }
    }

    @Test
    void aControlPlaneKilledBetweenContainerCreatedAndStatusSavedComesBackToOneActiveAgent() throws Exception {
        int port = DockerSupport.freePort();
        Map<String, String> env = environment(port);

        api = ApiCaller.at(port, apiTokenIssuedBeforehand(env));
        Process first = startControlPlane(env, "first");
        // --since replays what happened since just before the POST: no event is lost while the CLI subscribes
        Process events = new ProcessBuilder("docker", "events", "--since",
                Long.toString(Instant.now().getEpochSecond() - 1), "--filter", "type=container", "--filter",
                "event=create", "--filter", "label=steward.installation=" + INSTALLATION, "--format", "{{.ID}}")
                .redirectErrorStream(true).start();
        try {
            CompletableFuture<Optional<String>> created = CompletableFuture.supplyAsync(() -> firstLine(events));
            assertThat(api.send("POST", "/api/v1/clients",
                    "{\"name\":\"Crash Co\",\"slug\":\"" + SLUG + "\"}").statusCode()).isEqualTo(201);

            Optional<String> container = created.get(120, TimeUnit.SECONDS);
            assertThat(container).as("docker events reported the agent container created").isPresent();
            killWithItsDatabase(first);
            System.out.printf("killed the control plane (pid %d) when container %s was created%n", first.pid(),
                    container.get());
        } finally {
            events.destroy();
            first.destroyForcibly();
        }
        System.out.println("left by the kill: " + containers());

        startControlPlane(env, "second");
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(client()).contains("\"status\":\"active\"").contains("\"state\":\"idle\""));

        List<String> agents = containers();
        assertThat(agents).as("agent containers of this installation after the restart").hasSize(1);
        assertThat(agents.getFirst()).as("the one agent container").contains("running");
        System.out.println("history after the restart: "
                + api.send("GET", "/api/v1/clients/" + SLUG + "/history", null).body());
    }

    private static Map<String, String> environment(int port) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(Map.of(
                "STEWARD_RUNTIME", "docker",
                "STEWARD_STORE", "postgres",
                "STEWARD_AGENT_IMAGE", DockerSupport.IMAGE,
                "STEWARD_HTTP_HOST", "0.0.0.0",
                "STEWARD_HTTP_PORT", Integer.toString(port),
                "STEWARD_CONTROL_PLANE_URL", "http://host.docker.internal:" + port,
                "STEWARD_RECONCILE_DUE_MS", "100",
                "STEWARD_RECONCILE_FULL_MS", "1000",
                "STEWARD_DATA_DIR", dataDir.toString()));
        env.put("STEWARD_INSTALLATION_ID", INSTALLATION);
        return env;
    }

    /**
     * The API needs a token: an operator's, issued on this data directory before the control plane runs (a
     * short-lived control plane in this JVM, with the in-process runtime, creates the store and the token).
     */
    private static String apiTokenIssuedBeforehand(Map<String, String> env) {
        Map<String, String> setup = new HashMap<>(env);
        setup.put("STEWARD_RUNTIME", "inprocess");
        setup.put("STEWARD_HTTP_PORT", "0");
        setup.put("STEWARD_HTTP_HOST", "127.0.0.1");
        try (StewardServer server = StewardServer.start(StewardConfig.from(setup))) {
            return ApiCaller.issueToken(server);
        }
    }

    /** {@code java -jar steward.jar server} with this JVM's java, output to target/crash-it; waits for /health. */
    private static Process startControlPlane(Map<String, String> env, String name) throws Exception {
        Path jar = Path.of("target", "steward.jar").toAbsolutePath();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString(), "server")
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        started.add(process);
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> {
                    assertThat(process.isAlive()).as("control plane %s alive (see %s)", name,
                            logs.resolve(name + ".log")).isTrue();
                    return api.send("GET", "/health", null).statusCode() == 200;
                });
        return process;
    }

    /**
     * SIGKILL to the control plane, then to its embedded PostgreSQL (postmaster and backends, found through the pid
     * file in the data directory): nothing gets to run a shutdown hook or commit.
     */
    private static void killWithItsDatabase(Process controlPlane) throws IOException {
        controlPlane.destroyForcibly(); // SIGKILL on Linux
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        Optional<ProcessHandle> postmaster = Files.readAllLines(pidFile).stream().findFirst()
                .map(String::strip).map(Long::parseLong).flatMap(ProcessHandle::of);
        postmaster.ifPresent(handle -> {
            List<ProcessHandle> backends = handle.descendants().toList();
            handle.destroyForcibly();
            backends.forEach(ProcessHandle::destroyForcibly);
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> !controlPlane.isAlive()
                && postmaster.map(handle -> !handle.isAlive()).orElse(true));
    }

    private static Optional<String> firstLine(Process process) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            return Optional.ofNullable(reader.readLine()).map(String::strip).filter(line -> !line.isEmpty());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** This installation's agent containers, one {@code <id> <state> <client label>} line each. */
    private static List<String> containers() throws Exception {
        String output = DockerSupport.run(List.of("docker", "ps", "-a", "--filter",
                "label=steward.installation=" + INSTALLATION, "--format",
                "{{.ID}} {{.State}} {{.Label \"steward.client\"}}"), Duration.ofSeconds(20)).output();
        return output.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static String client() throws Exception {
        return api.send("GET", "/api/v1/clients/" + SLUG, null).body();
    }
}

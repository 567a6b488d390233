package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two control planes as separate processes ({@code java -jar steward.jar server}, the in-process runtime) on one
 * PostgreSQL. Instance A takes a load of client creations sent with {@code Idempotency-Key}s and is killed with
 * SIGKILL in the middle of it; every request is then retried, with its key, on instance B. Every key must end with
 * exactly one client and a 201 (A's answer replayed, or B's fresh one): no lost answer, no {@code slug.taken}. A's
 * agents must move to B within 15 s, and every client's agent must run exactly once.
 */
class MultiInstanceKillIT {

    private static final int CLIENTS = 40;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<Process> started = new ArrayList<>();
    private static SharedPostgres postgres;
    private static Path logs;

    @BeforeAll
    static void prepare() throws IOException {
        postgres = SharedPostgres.start();
        logs = Path.of("target", "multi-instance-it");
        Files.createDirectories(logs);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (Process process : started) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        postgres.close();
    }

    @Test
    void killingOneInstanceMidLoadLosesNoIdempotentAnswerAndRunsEveryAgentOnce() throws Exception {
        String url = postgres.newDatabase();
        String token;
        Map<String, String> setup = SharedPostgres.environment(url);
        try (StewardServer server = StewardServer.start(StewardConfig.from(setup))) {
            token = ApiCaller.issueToken(server);
        }
        int portA = DockerSupport.freePort();
        int portB = DockerSupport.freePort();
        Process a = startControlPlane(url, portA, "a");
        startControlPlane(url, portB, "b");

        Map<Integer, HttpResponse<String>> answeredByA = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        // a first quarter settles, so that A runs agents of its own when it dies
        for (int i = 0; i < CLIENTS / 4; i++) {
            answeredByA.put(i, create(portA, token, i).orElseThrow());
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> count(url, "select count(*) from clients"
                + " where slug like 'load-%' and status = 'active'") == CLIENTS / 4);
        String instanceA = instanceOf(url, a);
        long onA = count(url, "select count(*) from agent_placements where instance_id = '" + instanceA + "'");
        System.out.printf("before the kill A runs %d agents, B %d%n", onA, CLIENTS / 4 - onA);
        assertThat(onA).as("A runs agents of its own before it dies").isPositive();
        try (ExecutorService load = Executors.newFixedThreadPool(8)) {
            for (int i = CLIENTS / 4; i < CLIENTS; i++) {
                int n = i;
                load.submit(() -> {
                    sent.incrementAndGet();
                    create(portA, token, n).ifPresent(response -> answeredByA.put(n, response));
                });
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> answeredByA.size() >= CLIENTS / 2);
            a.destroyForcibly(); // SIGKILL mid-load: requests in flight die with it
            long killed = System.nanoTime();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                    count(url, "select count(*) from agent_placements where instance_id = '" + instanceA + "'") == 0);
            Duration moved = Duration.ofNanos(System.nanoTime() - killed);
            System.out.printf("A's agents were all on B %d ms after the kill%n", moved.toMillis());
            assertThat(moved).as("A's agents moved to B").isLessThan(Duration.ofSeconds(15));
            load.shutdown();
            assertThat(load.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
            System.out.printf("A answered %d of %d requests before the kill%n", answeredByA.size(), CLIENTS);
            assertThat(answeredByA.size()).as("the kill came mid-load").isLessThan(CLIENTS);

            for (int i = 0; i < CLIENTS; i++) {
                HttpResponse<String> retry = create(portB, token, i).orElseThrow();
                assertThat(retry.statusCode()).as("retry of request %d on B: %s", i, retry.body()).isEqualTo(201);
                assertThat(retry.body()).contains("\"slug\":\"load-" + i + "\"");
                HttpResponse<String> first = answeredByA.get(i);
                if (first != null && first.statusCode() == 201) {
                    assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
                    assertThat(retry.body()).isEqualTo(first.body());
                }
            }
            assertThat(count(url, "select count(*) from clients where slug like 'load-%'")).isEqualTo(CLIENTS);
        }

        await().atMost(Duration.ofSeconds(120)).until(() ->
                count(url, "select count(*) from clients where slug like 'load-%' and status = 'active'") == CLIENTS);
        assertThat(liveInstances(url)).as("only B is live").hasSize(1);
        assertThat(count(url, "select count(*) from agent_placements where exit_code is null")).isEqualTo(CLIENTS);
        // every agent runs (checked in within the last heartbeats) and B's runtime runs each exactly once
        await().atMost(Duration.ofSeconds(30)).until(() -> count(url, "select count(*) from agent_check_ins"
                + " where checked_in_at > now() - interval '15 seconds'") == CLIENTS);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(metric(portB, "steward_agents_running_here")).as("agents B runs").isEqualTo(CLIENTS));
        // and keeps running them: no instance stops or starts an agent twice after things settled
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertThat(metric(portB, "steward_agents_running_here")).isEqualTo(CLIENTS);
    }

    private static Optional<HttpResponse<String>> create(int port, String token, int n) {
        try {
            return Optional.of(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/api/v1/clients"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "load-key-" + n)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Load " + n + "\",\"slug\":\"load-" + n
                            + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty(); // the instance died under it: the caller retries
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The instance id a control-plane process registered (its host names the pid). */
    private static String instanceOf(String url, Process process) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select id from control_plane_instances where host like"
                     + " '%(pid " + process.pid() + ")'")) {
            assertThat(rows.next()).as("process %d registered", process.pid()).isTrue();
            return rows.getString(1);
        }
    }

    private static long metric(int port, String name) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .header("Authorization", "Bearer " + MultiInstanceKillIT.METRICS_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return body.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .map(line -> line.substring(line.lastIndexOf(' ') + 1)).mapToLong(v -> (long) Double.parseDouble(v))
                .sum();
    }

    static final String METRICS_TOKEN = "metrics-token-for-the-multi-instance-test";

    private static List<String> liveInstances(String url) throws SQLException {
        List<String> live = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select id from control_plane_instances"
                     + " where heartbeat_at > now() - interval '6 seconds'")) {
            while (rows.next()) {
                live.add(rows.getString(1));
            }
        }
        return live;
    }

    private static long count(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Process startControlPlane(String url, int port, String name) throws Exception {
        Path jar = Path.of("target", "steward.jar").toAbsolutePath();
        String java = ProcessHandle.current().info().command().orElse("java");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(SharedPostgres.environment(url));
        env.put("STEWARD_HTTP_PORT", Integer.toString(port));
        env.put("STEWARD_METRICS_TOKEN", METRICS_TOKEN);
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
                    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                            .build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
                });
        return process;
    }
}

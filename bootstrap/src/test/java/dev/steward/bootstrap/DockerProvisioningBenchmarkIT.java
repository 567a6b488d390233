package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.application.provisioning.ProvisioningReconciler;
import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.agent.DeployStatus;
import dev.steward.domain.client.Client;
import dev.steward.domain.msp.MspId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Issue 6's provisioning targets with the REAL agent image, measured against bare {@code docker run}s of the same
 * image in the same run (docs/benchmarks.md, "Docker runtime"):
 * <ul>
 *   <li>{@code POST /api/v1/clients} → the client {@code active} with deploy status {@code idle} (the agent in its
 *       container checked in with its configuration version), within 1.5× one bare run;</li>
 *   <li>50 clients POSTed at once → all active, within 2× 50 bare runs started at once.</li>
 * </ul>
 * A bare run is {@code docker run} (foreground) of the agent image with the same limits and the control plane's URL,
 * but a token the control plane does not know: it covers container create and start, the agent's JVM start and its
 * first request to the control plane, which refuses it, and the agent's exit. It cannot check in (that needs a token
 * issued for a live client, which the reconciler would then manage), so the bare side also pays for the exit.
 *
 * <p>Heavy (50 agent JVMs at once), so opt-in: {@code -Dsteward.bench=true}; {@code -Dsteward.bench.clients=N}
 * changes the 50 and {@code -Dsteward.bench.rounds=N} the single-client repetitions (default 5);
 * {@code -Dsteward.bench.imageBuilt=true} uses the image {@code STEWARD_IT_AGENT_IMAGE} names as it is, and
 * {@code -Dsteward.bench.parallelism=N} sets {@code STEWARD_RECONCILE_PARALLELISM}. The control plane
 * runs with its production reconcile intervals (due pass every 200 ms) and no engine health check (the default).
 */
@EnabledIfSystemProperty(named = "steward.bench", matches = "true")
class DockerProvisioningBenchmarkIT {

    private static final String BARE_LABEL = "steward.bench.bare";
    private static StewardServer server;
    private static ApiCaller api;
    private static String installation;
    private final List<String> slugs = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        DockerSupport.requireEngine("DockerProvisioningBenchmarkIT");
        if (!Boolean.getBoolean("steward.bench.imageBuilt")) { // a quiet window is too short to rebuild it in
            DockerSupport.buildAgentImage();
        }
        installation = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        server = DockerSupport.startControlPlane("docker-bench", Map.of(
                "STEWARD_INSTALLATION_ID", installation,
                "STEWARD_RECONCILE_DUE_MS", "200",
                "STEWARD_RECONCILE_FULL_MS", "10000",
                "STEWARD_RECONCILE_PARALLELISM", System.getProperty("steward.bench.parallelism",
                        Integer.toString(ProvisioningReconciler.Parallelism.DEFAULT.steps()))));
        api = ApiCaller.of(server);
        System.out.println("BENCH load average at start: " + loadAverage() + "; reconcile parallelism "
                + System.getProperty("steward.bench.parallelism", "default"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        DockerSupport.run(List.of("sh", "-c", "docker ps -aq --filter label=steward.installation=" + installation
                + " | xargs -r docker rm -f; docker ps -aq --filter label=" + BARE_LABEL + " | xargs -r docker rm -f"),
                Duration.ofMinutes(5));
    }

    /** Deletes the clients a test created and waits until their containers are gone, so tests do not overlap. */
    @AfterEach
    void deleteClients() throws Exception {
        for (String slug : slugs) {
            api.send("DELETE", "/api/v1/clients/" + slug,
                    "{\"confirmName\":\"Bench " + slug + "\"}");
        }
        slugs.clear();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> DockerSupport.run(
                List.of("docker", "ps", "-aq", "--filter", "label=steward.installation=" + installation),
                Duration.ofSeconds(30)).output().isBlank());
        removeBareContainers();
    }

    @Test
    void postToActiveForOneClientStaysWithinOneAndAHalfTimesABareDockerRun() throws Exception {
        int rounds = Integer.getInteger("steward.bench.rounds", 5);
        bareRuns(1); // warm-up: image layers and the agent's class data in the page cache
        provisionAtOnce(List.of(slug("warm")));
        List<Long> bare = new ArrayList<>();
        List<Long> ours = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            bare.add(bareRuns(1));
            ours.add(provisionAtOnce(List.of(slug("one-" + i))));
        }
        long bareMedian = median(bare);
        long oursMedian = median(ours);
        System.out.printf("BENCH one client: bare docker run median %d ms %s; POST -> active median %d ms %s;"
                + " ratio %.2f (limit 1.5); load average %s%n", bareMedian, bare, oursMedian, ours,
                (double) oursMedian / bareMedian, loadAverage());
        assertThat(oursMedian).isLessThanOrEqualTo(Math.round(bareMedian * 1.5));
    }

    @Test
    void fiftyClientsCreatedAtOnceAreAllActiveWithinTwiceFiftyBareDockerRuns() throws Exception {
        int count = Integer.getInteger("steward.bench.clients", 50);
        long cpu = machineCpuMillis();
        long bare = bareRuns(count);
        long bareCpu = machineCpuMillis() - cpu;
        removeBareContainers();
        List<String> batch = IntStream.range(0, count).mapToObj(i -> slug("many-" + i)).toList();
        cpu = machineCpuMillis();
        long ours = provisionAtOnce(batch);
        long oursCpu = machineCpuMillis() - cpu;
        System.out.printf("BENCH %d clients at once: %d bare docker runs at once %d ms; POST x %d -> all active"
                + " %d ms; ratio %.2f (limit 2.0); load average %s; the machine's CPU meanwhile: bare %d ms, ours %d"
                + " ms%n", count, count, bare, count, ours, (double) ours / bare, loadAverage(), bareCpu, oursCpu);
        assertThat(ours).isLessThanOrEqualTo(bare * 2);
    }

    private String slug(String name) {
        String slug = "bench-" + name;
        slugs.add(slug);
        return slug;
    }

    /**
     * POSTs every client at once, then waits until each is active with deploy status idle.
     *
     * @return milliseconds from the first POST until the last client is active
     */
    private long provisionAtOnce(List<String> batch) throws Exception {
        MspId msp = server.defaultMsp().id();
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> posts = batch.stream().map(slug -> threads.submit(() -> api.send("POST",
                    "/api/v1/clients", "{\"name\":\"Bench " + slug + "\",\"slug\":\"" + slug + "\"}")
                    .statusCode())).toList();
            for (Future<Integer> post : posts) {
                assertThat(post.get()).isEqualTo(201);
            }
        }
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50)).until(() -> batch.stream()
                .map(slug -> server.useCases().getClient().get(msp, slug).client())
                .allMatch(DockerProvisioningBenchmarkIT::activeAndIdle));
        return millisSince(start);
    }

    private static boolean activeAndIdle(Client client) {
        return client.status() == AgentStatus.ACTIVE && client.deployStatus() instanceof DeployStatus.Idle;
    }

    /**
     * {@code count} foreground {@code docker run}s of the agent image started at once.
     *
     * @return milliseconds until the last one returned
     */
    private static long bareRuns(int count) throws Exception {
        String url = "http://host.docker.internal:" + server.port();
        List<String> command = List.of("docker", "run", "--label", BARE_LABEL + "=true", "--init", "--cpus", "0.5",
                "--memory", "256m", "--memory-swap", "256m", "--pids-limit", "256",
                "--add-host", "host.docker.internal:host-gateway", "-e", "STEWARD_CONTROL_PLANE_URL=" + url,
                "-e", "STEWARD_AGENT_TOKEN=stw_bench-unknown", DockerSupport.IMAGE);
        long start = System.nanoTime();
        List<DockerSupport.Result> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<DockerSupport.Result>> runs = IntStream.range(0, count)
                    .mapToObj(i -> threads.submit(() -> DockerSupport.run(command, Duration.ofMinutes(10)))).toList();
            for (Future<DockerSupport.Result> run : runs) {
                results.add(run.get());
            }
        }
        long took = millisSince(start);
        assertThat(results).as("every bare agent reached the control plane and was refused")
                .allSatisfy(result -> assertThat(result.output()).contains("refused"));
        return took;
    }

    private static void removeBareContainers() throws Exception {
        DockerSupport.run(List.of("sh", "-c", "docker ps -aq --filter label=" + BARE_LABEL
                + " | xargs -r docker rm -f"),
                Duration.ofMinutes(5));
    }

    /**
     * CPU time the whole machine has spent (user, nice, system, irq, softirq from {@code /proc/stat}): on a quiet
     * machine, what the engine, the agents, the control plane and PostgreSQL cost together.
     */
    private static long machineCpuMillis() throws Exception {
        String[] cpu = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).getFirst().split("\\s+");
        long ticks = Long.parseLong(cpu[1]) + Long.parseLong(cpu[2]) + Long.parseLong(cpu[3])
                + Long.parseLong(cpu[6]) + Long.parseLong(cpu[7]);
        return ticks * 10; // USER_HZ is 100 on Linux
    }

    private static String loadAverage() throws Exception {
        return DockerSupport.run(List.of("cat", "/proc/loadavg"), Duration.ofSeconds(5)).output().strip();
    }

    private static long millisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1_000_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}

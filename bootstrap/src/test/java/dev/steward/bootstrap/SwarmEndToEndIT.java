package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 16 end to end: the real control plane on {@code STEWARD_RUNTIME=swarm} with the REAL agent image, pushed by the
 * build to a registry, placed on the worker of a two-node swarm ({@code .ci/two-node-swarm.sh}): agents turn active,
 * Diagnostics over the API shows their logs and the usage they measured themselves on that node, a mode change is one
 * service update, and a 2-minute control-plane outage leaves every agent running. Skipped locally without an engine,
 * a failure under CI=true.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SwarmEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SLUGS = List.of("swarm-e2e-one", "swarm-e2e-two");
    private static Map<String, String> swarm;
    private static Map<String, String> env;
    private static StewardServer server;
    private static ApiCaller api;
    private static String token;

    @BeforeAll
    static void startOnTwoNodes() throws Exception {
        DockerSupport.requireEngine("SwarmEndToEndIT");
        swarm = DockerSupport.twoNodeSwarm("up");
        String image = swarm.get("REGISTRY") + "/" + DockerSupport.IMAGE; // e.g. 127.0.0.1:5016/steward/agent:it
        DockerSupport.buildAgentImage(image, true);
        int port = DockerSupport.freePort();
        env = new HashMap<>(Map.of(
                "STEWARD_RUNTIME", "swarm",
                "STEWARD_AGENT_IMAGE", image,
                "STEWARD_HTTP_HOST", "0.0.0.0",
                "STEWARD_HTTP_PORT", Integer.toString(port),
                // the machine's end of the worker's link: agents on either node reach it
                "STEWARD_CONTROL_PLANE_URL", "http://" + swarm.get("HOST_ADDRESS") + ":" + port,
                "STEWARD_SWARM_CONSTRAINT", "node.id==" + swarm.get("WORKER_NODE"),
                "STEWARD_INSTALLATION_ID", "it-swarm-" + UUID.randomUUID().toString().substring(0, 8),
                "STEWARD_RECONCILE_DUE_MS", "200",
                "STEWARD_DATA_DIR", Files.createTempDirectory("steward-swarm-e2e").toString()));
        server = StewardServer.start(StewardConfig.from(env));
        token = ApiCaller.issueToken(server);
        api = ApiCaller.at(server.port(), token);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (server != null) {
                for (String slug : SLUGS) {
                    api.send("DELETE", "/api/v1/clients/" + slug, "{\"confirmName\":\"" + slug + "\"}");
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> services().isEmpty());
                server.close();
            }
        } finally {
            DockerSupport.run(List.of("sh", "-c", "docker service ls -q --filter label=steward.installation="
                    + env.get("STEWARD_INSTALLATION_ID") + " | xargs -r docker service rm"), Duration.ofSeconds(60));
            DockerSupport.twoNodeSwarm("down");
        }
    }

    @Test
    @Order(1)
    void agentsOnTheWorkerTurnActiveAndDiagnosticsShowTheirLogsAndTheirOwnUsage() throws Exception {
        for (String slug : SLUGS) {
            assertThat(api.send("POST", "/api/v1/clients", "{\"name\":\"" + slug + "\",\"slug\":\"" + slug + "\"}")
                    .statusCode()).isEqualTo(201);
        }
        for (String slug : SLUGS) {
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(client(slug)).contains("\"status\":\"active\"").contains("\"state\":\"idle\""));
        }
        for (String service : services()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> cli("service", "ps", "--filter", "desired-state=running",
                    "--format", "{{.CurrentState}}", service).startsWith("Running"));
            assertThat(cli("service", "inspect", "--format", "{{json .Spec.TaskTemplate.Placement.Constraints}}",
                    service)).contains("node.id==" + swarm.get("WORKER_NODE"));
            assertThat(cli("service", "inspect", "--format", "{{json .Spec.TaskTemplate.ContainerSpec.Env}}", service))
                    .contains("STEWARD_AGENT_TOKEN_FILE=").doesNotContain("STEWARD_AGENT_TOKEN=");
        }
        for (String slug : SLUGS) {
            JsonNode diagnostics = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> diagnostics(slug), d -> d.path("usage").isObject() && d.path("logs").size() > 0);
            assertThat(diagnostics.path("health").path("running").asBoolean()).isTrue();
            assertThat(diagnostics.path("health").path("detail").asText()).contains("on node")
                    .contains(swarm.get("WORKER_NODE").substring(0, 12));
            assertThat(diagnostics.path("logs").toString()).as("the agent's own log, read from the worker")
                    .contains("agent starting");
            JsonNode usage = diagnostics.path("usage");
            assertThat(usage.path("memoryUsedBytes").asLong()).as("measured by the agent").isPositive();
            assertThat(usage.path("memoryLimitBytes").asLong()).as("its container's limit, seen from inside")
                    .isEqualTo(256L << 20);
            assertThat(usage.path("cpuPercent").asDouble()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    @Order(2)
    void aModeChangeCausesExactlyOneServiceUpdate() throws Exception {
        String slug = SLUGS.getFirst();
        String service = serviceOf(slug);
        List<String> before = tasks(service);

        assertThat(api.send("PUT", "/api/v1/clients/" + slug + "/mode", "{\"mode\":\"execute\"}").statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(client(slug)).contains("\"status\":\"active\"").contains("\"state\":\"idle\""));
        // and stays so over several full passes
        await().during(Duration.ofSeconds(15)).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> tasks(service).size() == before.size() + 1);

        assertThat(cli("service", "inspect", "--format", "{{.Spec.TaskTemplate.ForceUpdate}}", service)).isEqualTo("0");
    }

    @Test
    @Order(3)
    void aControlPlaneOutageOfTwoMinutesLeavesEveryAgentRunning() throws Exception {
        Map<String, List<String>> tasksBefore = new HashMap<>();
        Map<String, List<String>> runningBefore = new HashMap<>();
        for (String service : services()) {
            tasksBefore.put(service, tasks(service));
            runningBefore.put(service, runningTasks(service));
            assertThat(runningBefore.get(service)).hasSize(1);
        }
        server.close();
        server = null;

        // the agents' loops keep turning without an answer: their health stays good, Swarm restarts nothing
        await().during(Duration.ofMinutes(2)).atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(5))
                .until(() -> {
                    for (String service : tasksBefore.keySet()) {
                        if (!tasks(service).equals(tasksBefore.get(service))
                                || !runningTasks(service).equals(runningBefore.get(service))) {
                            return false;
                        }
                    }
                    return true;
                });

        server = StewardServer.start(StewardConfig.from(env));
        api = ApiCaller.at(server.port(), token);
        for (String slug : SLUGS) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(client(slug)).contains("\"status\":\"active\""));
        }
        for (String service : runningBefore.keySet()) {
            assertThat(runningTasks(service)).as("the same task, never restarted").isEqualTo(runningBefore.get(service));
        }
    }

    @Test
    @Order(4)
    void anAgentSwarmRestartedShowsInHistoryAndItsCrashedTaskLogsInDiagnostics() throws Exception {
        String slug = SLUGS.get(1);
        String service = serviceOf(slug);
        String crashed = runningTasks(service).getFirst();
        String container = cli("service", "ps", "--no-trunc", "--filter", "desired-state=running", "--format",
                "{{.Name}}.{{.ID}}", service);
        DockerSupport.Result kill = DockerSupport.run(List.of("docker", "-H", swarm.get("WORKER_DOCKER_HOST"), "kill",
                container), Duration.ofSeconds(30));
        assertThat(kill.exit()).as(kill.output()).isZero();

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(api.send("GET", "/api/v1/clients/" + slug + "/history", null).body())
                        .contains("restarted by the engine: exit 137"));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(client(slug)).contains("\"status\":\"active\""));
        JsonNode diagnostics = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> diagnostics(slug), d -> d.path("logs").toString().contains("[task " + crashed.substring(0, 12))
                        && d.path("health").path("restarts").asInt() == 1);
        assertThat(diagnostics.path("health").path("running").asBoolean()).isTrue();
    }

    private static String client(String slug) throws Exception {
        return api.send("GET", "/api/v1/clients/" + slug, null).body();
    }

    private static JsonNode diagnostics(String slug) throws Exception {
        HttpResponse<String> response = api.send("GET", "/api/v1/clients/" + slug + "/diagnostics?tail=50", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> services() throws Exception {
        String out = cli("service", "ls", "-q", "--filter", "label=steward.installation="
                + env.get("STEWARD_INSTALLATION_ID"));
        return out.isBlank() ? List.of() : List.of(out.split("\n"));
    }

    private static String serviceOf(String slug) throws Exception {
        return services().stream().filter(id -> {
            try {
                return cli("service", "inspect", "--format", "{{.Spec.Name}}", id).endsWith("-" + slug);
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow();
    }

    private static List<String> tasks(String service) throws Exception {
        String out = cli("service", "ps", "-q", "--no-trunc", service);
        return out.isBlank() ? List.of() : List.of(out.split("\n"));
    }

    private static List<String> runningTasks(String service) throws Exception {
        String out = cli("service", "ps", "-q", "--no-trunc", "--filter", "desired-state=running", service);
        return out.isBlank() ? List.of() : List.of(out.split("\n"));
    }

    private static String cli(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        DockerSupport.Result result = DockerSupport.run(command, Duration.ofSeconds(30));
        assertThat(result.exit()).as("%s: %s", command, result.output()).isZero();
        return result.output().strip();
    }
}

package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.application.client.CreateClientCommand;
import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.agent.StatusChange;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, bug 2, with the REAL agent image: the control plane goes away for longer than the health check's 30 s
 * window. An agent's health means "its process is alive and its loop turns", so its container stays healthy all
 * along; and when the control plane is back, its clients stay active: no error, no pending, no alert storm.
 */
class DockerControlPlaneOutageIT {

    private static final String SLUG = "outage-docker";
    private static final String INSTALLATION = "outage-it-" + UUID.randomUUID().toString().substring(0, 8);
    private static Map<String, String> env;
    private static StewardServer server;

    @BeforeAll
    static void start() throws Exception {
        DockerSupport.requireEngine("DockerControlPlaneOutageIT");
        DockerSupport.buildAgentImage();
        int port = DockerSupport.freePort();
        env = new HashMap<>(Map.of(
                "STEWARD_RUNTIME", "docker",
                "STEWARD_AGENT_IMAGE", DockerSupport.IMAGE,
                "STEWARD_HTTP_HOST", "0.0.0.0",
                "STEWARD_HTTP_PORT", Integer.toString(port),
                "STEWARD_CONTROL_PLANE_URL", "http://host.docker.internal:" + port,
                "STEWARD_AGENT_HEALTH_INTERVAL_MS", "1000",
                "STEWARD_RECONCILE_DUE_MS", "100",
                "STEWARD_RECONCILE_FULL_MS", "1000",
                "STEWARD_DATA_DIR", Files.createTempDirectory("steward-outage").toString()));
        env.put("STEWARD_INSTALLATION_ID", INSTALLATION);
        server = StewardServer.start(StewardConfig.from(env));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        DockerSupport.run(List.of("sh", "-c", "docker ps -aq --filter label=steward.installation=" + INSTALLATION
                + " | xargs -r docker rm -f"), Duration.ofSeconds(60));
    }

    @Test
    void anOutageOfTheControlPlaneLeavesAgentsHealthyAndTheirClientsActive() throws Exception {
        server.useCases().createClient().create(new CreateClientCommand(server.defaultMsp().id(), "Outage Co", SLUG));
        await().atMost(DockerSupport.AGENT_START).pollInterval(Duration.ofMillis(200)).until(() -> status() == AgentStatus.ACTIVE);
        String container = DockerSupport.run(List.of("docker", "ps", "-q", "--filter",
                "label=steward.installation=" + INSTALLATION), Duration.ofSeconds(20)).output().strip();
        await().atMost(Duration.ofSeconds(60)).until(() -> health(container).equals("healthy"));

        server.close(); // the control plane is gone; its agents are not
        server = null;
        Instant outageBegan = Instant.now();
        List<String> seen = new ArrayList<>();
        while (Duration.between(outageBegan, Instant.now()).toSeconds() < 45) {
            seen.add(health(container));
            Thread.sleep(1_000);
        }
        assertThat(seen).as("the agent's container health during a 45 s control-plane outage")
                .isNotEmpty().containsOnly("healthy");

        Instant back = Instant.now();
        server = StewardServer.start(StewardConfig.from(env));
        Thread.sleep(15_000); // several full passes and agent heartbeats after the restart
        List<StatusChange> since = server.useCases().history().history(server.defaultMsp().id(), SLUG).stream()
                .filter(change -> change.at().isAfter(back)).toList();
        assertThat(since).as("status changes after the control plane came back").isEmpty();
        assertThat(status()).isEqualTo(AgentStatus.ACTIVE);
        assertThat(health(container)).isEqualTo("healthy");
    }

    private static AgentStatus status() {
        return server.useCases().getClient().get(server.defaultMsp().id(), SLUG).client().status();
    }

    private static String health(String container) throws Exception {
        return DockerSupport.run(List.of("docker", "inspect", "--format", "{{.State.Health.Status}}", container),
                Duration.ofSeconds(20)).output().strip();
    }
}

package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.application.client.ClientDetails;
import dev.steward.application.client.CreateClientCommand;
import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.agent.StatusChange;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 6's fault test on a real engine: the engine goes away → the agent is reported pending (it will be retried);
 * the engine comes back → active again, without anyone acting, and still exactly one container.
 */
class DockerFaultIT {

    private static final String SLUG = "fault-docker";
    private static EngineLink engine;
    private static StewardServer server;

    @BeforeAll
    static void start() throws Exception {
        DockerSupport.requireEngine("DockerFaultIT");
        DockerSupport.buildAgentImage();
        engine = new EngineLink(Path.of("/var/run/docker.sock"), DockerSupport.freePort());
        engine.restore();
        server = DockerSupport.startControlPlane("docker-fault", Map.of(
                "DOCKER_HOST", engine.dockerHost(),
                "STEWARD_RECONCILE_FULL_MS", "500"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (engine != null) {
            engine.close();
        }
        DockerSupport.removeContainersNamed(SLUG);
    }

    @Test
    void anUnreachableEngineMakesTheAgentPendingAndItsReturnMakesItActiveWithoutAnyoneActing() throws Exception {
        var useCases = server.useCases();
        var msp = server.defaultMsp().id();
        ClientDetails created = useCases.createClient().create(new CreateClientCommand(msp, "Fault Co", SLUG));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> status() == AgentStatus.ACTIVE);

        engine.cut();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> status() == AgentStatus.PENDING);
        StatusChange pending = useCases.getClient().get(msp, SLUG).client().lastChange();
        assertThat(pending.reason()).contains("cannot provision yet");

        engine.restore();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> status() == AgentStatus.ACTIVE);

        List<AgentStatus> path = useCases.history().history(msp, SLUG).stream().map(StatusChange::to).toList();
        assertThat(path).containsSubsequence(AgentStatus.ACTIVE, AgentStatus.PENDING, AgentStatus.PROVISIONING,
                AgentStatus.ACTIVE);
        String containers = DockerSupport.run(List.of("docker", "ps", "-aq", "--filter",
                "label=steward.client=" + created.client().id()), Duration.ofSeconds(20)).output().strip();
        assertThat(containers.lines().count()).as("still exactly one agent container").isEqualTo(1);
    }

    private static AgentStatus status() {
        return server.useCases().getClient().get(server.defaultMsp().id(), SLUG).client().status();
    }
}

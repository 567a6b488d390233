package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.application.client.CreateClientCommand;
import dev.steward.application.diagnostics.GetDiagnosticsUseCase;
import dev.steward.domain.agent.AgentLiveness;
import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.agent.StatusChange;
import dev.steward.domain.diagnostics.Diagnostics;
import dev.steward.domain.diagnostics.Diagnostics.HealthState;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, bug 2, with the REAL agent image and the runtime's real container settings (no engine health check): the
 * control plane goes away for a minute, longer than the 50 s in which an agent must be heard from
 * ({@code AgentLiveness}), and comes back. Its agents keep running all along (nothing restarts them), and after the
 * restart every agent gets the whole limit to check in again, counted from the restart: its clients stay active, with
 * no status change, no error, no pending, no alert storm, and the diagnostics call them healthy.
 */
class DockerControlPlaneOutageIT {

    private static final String SLUG = "outage-docker";
    private static final String INSTALLATION = "outage-it-" + UUID.randomUUID().toString().substring(0, 8);
    /** Longer than the silence limit (50 s), so that an agent's silence is held against it unless the restart excuses it. */
    private static final Duration OUTAGE = Duration.ofSeconds(60);
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
    void anOutageOfTheControlPlaneLeavesAgentsRunningAndTheirClientsActive() throws Exception {
        server.useCases().createClient().create(new CreateClientCommand(server.defaultMsp().id(), "Outage Co", SLUG));
        await().atMost(DockerSupport.AGENT_START).pollInterval(Duration.ofMillis(200)).until(() -> status() == AgentStatus.ACTIVE);
        String container = DockerSupport.run(List.of("docker", "ps", "-q", "--filter",
                "label=steward.installation=" + INSTALLATION), Duration.ofSeconds(20)).output().strip();
        assertThat(inspect(container, "{{json .Config.Healthcheck.Test}}")).as("the engine runs no health check")
                .isEqualTo("[\"NONE\"]");
        assertThat(inspect(container, "{{.State.Health}}")).isEqualTo("<nil>");

        server.close(); // the control plane is gone; its agents are not
        server = null;
        Thread.sleep(OUTAGE.toMillis());
        assertThat(inspect(container, "{{.State.Status}} {{.RestartCount}}")).as("the agent after the outage")
                .isEqualTo("running 0");

        Instant back = Instant.now();
        server = StewardServer.start(StewardConfig.from(env));
        // past the limit counted from the restart: an agent that had not checked in since would be judged now
        Thread.sleep(AgentLiveness.DEFAULT.limit().plusSeconds(10).toMillis());
        List<StatusChange> since = server.useCases().history().history(server.defaultMsp().id(), SLUG).stream()
                .filter(change -> change.at().isAfter(back)).toList();
        assertThat(since).as("status changes after the control plane came back").isEmpty();
        assertThat(status()).isEqualTo(AgentStatus.ACTIVE);
        Diagnostics diagnostics = server.component(GetDiagnosticsUseCase.class).diagnose(server.defaultMsp().id(), SLUG,
                5);
        assertThat(diagnostics.health().state()).as("diagnostics: " + diagnostics.health())
                .isEqualTo(HealthState.HEALTHY);
        assertThat(diagnostics.health().lastHeartbeat()).as("checked in since the restart")
                .hasValueSatisfying(at -> assertThat(at).isAfter(back));
        assertThat(inspect(container, "{{.State.Status}} {{.RestartCount}}")).isEqualTo("running 0");
    }

    private static AgentStatus status() {
        return server.useCases().getClient().get(server.defaultMsp().id(), SLUG).client().status();
    }

    private static String inspect(String container, String format) throws Exception {
        return DockerSupport.run(List.of("docker", "inspect", "--format", format, container),
                Duration.ofSeconds(20)).output().strip();
    }
}

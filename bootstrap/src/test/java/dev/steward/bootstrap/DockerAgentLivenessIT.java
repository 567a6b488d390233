package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.application.client.CreateClientCommand;
import dev.steward.domain.agent.AgentLiveness;
import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.agent.StatusChange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, with the REAL agent image and the runtime's real container settings (no engine health check): an agent is
 * alive when it checks in. One whose process is alive but whose loop stopped (SIGSTOP to its JVM), one that is frozen
 * ({@code docker pause}), and one that never checks in are declared unhealthy within the documented bound (the 50 s
 * limit after the last check-in, plus one full pass), the client goes to error (or pending, while provisioning) with
 * the reason in its history, and the retry replaces the agent with one that checks in.
 */
class DockerAgentLivenessIT {

    private static final String INSTALLATION = "liveness-it-" + UUID.randomUUID().toString().substring(0, 8);
    /** The limit, one full pass (1 s here, 10 s by default) and room for a loaded machine. */
    private static final Duration BOUND = AgentLiveness.DEFAULT.limit().plusSeconds(10);
    private static StewardServer server;

    @BeforeAll
    static void start() throws Exception {
        DockerSupport.requireEngine("DockerAgentLivenessIT");
        DockerSupport.buildAgentImage();
        server = DockerSupport.startControlPlane("liveness", Map.of("STEWARD_INSTALLATION_ID", INSTALLATION,
                "STEWARD_RECONCILE_FULL_MS", "1000"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        DockerSupport.removeAgentsOf(INSTALLATION);
        DockerSupport.removeAgentsOf(INSTALLATION + "-silent");
    }

    @Test
    void anAgentWhoseLoopStoppedIsUnhealthyWithinTheBoundAndIsReplaced() throws Exception {
        String slug = "stuck-loop";
        String container = activeAgent(slug);
        // the JVM (a child of the container's init) stops; the container stays running, as a hung agent's would
        String init = inspect(container, "{{.State.Pid}}");
        DockerSupport.Result stopped = DockerSupport.run(List.of("sh", "-c", "kill -STOP $(pgrep -P " + init + ")"),
                Duration.ofSeconds(20));
        assertThat(stopped.exit()).as("SIGSTOP to the agent's JVM: " + stopped.output()).isZero();
        Instant frozen = Instant.now();

        StatusChange error = awaitChange(slug, frozen, AgentStatus.ERROR);

        Duration took = Duration.between(frozen, error.at());
        System.out.printf("loop stopped at %s; client in error %d ms later: %s%n", frozen, took.toMillis(),
                error.reason());
        assertThat(error.reason()).startsWith("agent unhealthy: ").contains("no check-in for ")
                .endsWith("(limit 50 s)");
        assertThat(took).as("from the stop to the error").isLessThanOrEqualTo(BOUND);
        String replacement = awaitActiveAgain(slug, container);
        System.out.printf("replaced by container %s; history: %s%n", replacement, history(slug));
    }

    @Test
    void aPausedAgentIsUnhealthyAtOnceAndIsReplaced() throws Exception {
        String slug = "paused";
        String container = activeAgent(slug);
        DockerSupport.run(List.of("docker", "pause", container), Duration.ofSeconds(20));
        Instant paused = Instant.now();

        StatusChange error = awaitChange(slug, paused, AgentStatus.ERROR);

        assertThat(error.reason()).startsWith("agent unhealthy: ").containsIgnoringCase("paused");
        assertThat(Duration.between(paused, error.at())).isLessThan(Duration.ofSeconds(15));
        awaitActiveAgent(slug, container);
    }

    @Test
    void anAgentThatNeverChecksInFailsItsProvisioningWithinTheBound() throws Exception {
        // a control plane that gives its agents an address nobody answers at: they start, and are never heard from
        try (StewardServer silent = DockerSupport.startControlPlane("liveness-silent", Map.of(
                "STEWARD_INSTALLATION_ID", INSTALLATION + "-silent",
                "STEWARD_CONTROL_PLANE_URL", "http://host.docker.internal:" + DockerSupport.freePort(),
                "STEWARD_RECONCILE_FULL_MS", "1000"))) {
            Instant created = Instant.now();
            silent.useCases().createClient().create(new CreateClientCommand(silent.defaultMsp().id(), "Silent Co",
                    "never-heard"));

            StatusChange pending = await().atMost(BOUND.plus(DockerSupport.AGENT_START))
                    .pollInterval(Duration.ofMillis(500)).until(() -> silent.useCases().history()
                            .history(silent.defaultMsp().id(), "never-heard").stream()
                            .filter(change -> change.to() == AgentStatus.PENDING).findFirst(), Optional::isPresent)
                    .orElseThrow();

            System.out.printf("created at %s; pending %d ms later: %s%n", created,
                    Duration.between(created, pending.at()).toMillis(), pending.reason());
            assertThat(pending.reason()).startsWith("cannot provision yet: agent unhealthy right after start: ")
                    .contains("no check-in for ");
            assertThat(Duration.between(created, pending.at())).isLessThanOrEqualTo(BOUND);
        }
    }

    private static String activeAgent(String slug) {
        server.useCases().createClient().create(new CreateClientCommand(server.defaultMsp().id(), slug + " Co", slug));
        return awaitActiveAgent(slug, "");
    }

    /** The client's one running container once the client is active and its agent is not {@code previous}. */
    private static String awaitActiveAgent(String slug, String previous) {
        return await().atMost(DockerSupport.AGENT_START).pollInterval(Duration.ofMillis(300)).until(() -> {
            if (status(slug) != AgentStatus.ACTIVE) {
                return "";
            }
            String containers = DockerSupport.run(List.of("docker", "ps", "-q", "--filter",
                    "label=steward.installation=" + INSTALLATION, "--filter", "name=-" + slug + "$"),
                    Duration.ofSeconds(20)).output().strip();
            return containers.contains("\n") || previous.startsWith(containers) ? "" : containers;
        }, id -> !id.isEmpty());
    }

    private static String awaitActiveAgain(String slug, String previous) throws Exception {
        String replacement = awaitActiveAgent(slug, previous);
        List<AgentStatus> path = history(slug).stream().map(StatusChange::to).toList();
        assertThat(path.subList(path.size() - 4, path.size())).containsExactly(AgentStatus.ACTIVE, AgentStatus.ERROR,
                AgentStatus.PROVISIONING, AgentStatus.ACTIVE);
        assertThat(DockerSupport.run(List.of("docker", "ps", "-aq", "--filter", "id=" + previous),
                Duration.ofSeconds(20)).output().strip()).as("the stuck container is gone").isEmpty();
        return replacement;
    }

    private static StatusChange awaitChange(String slug, Instant after, AgentStatus to) {
        return await().atMost(BOUND.plusSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                history(slug).stream().filter(change -> change.to() == to && change.at().isAfter(after))
                        .findFirst(), Optional::isPresent).orElseThrow();
    }

    private static List<StatusChange> history(String slug) {
        return server.useCases().history().history(server.defaultMsp().id(), slug);
    }

    private static AgentStatus status(String slug) {
        return server.useCases().getClient().get(server.defaultMsp().id(), slug).client().status();
    }

    private static String inspect(String container, String format) throws Exception {
        return DockerSupport.run(List.of("docker", "inspect", "--format", format, container),
                Duration.ofSeconds(20)).output().strip();
    }
}

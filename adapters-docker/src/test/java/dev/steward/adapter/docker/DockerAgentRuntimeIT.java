package dev.steward.adapter.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.steward.application.inmemory.InMemoryAgentCredentials;
import dev.steward.application.port.runtime.AgentRuntime;
import dev.steward.application.port.runtime.AgentSpec;
import dev.steward.application.port.runtime.ObservedAgent;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.port.runtime.AgentRuntimeContract;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.diagnostics.Diagnostics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DockerAgentRuntimeIT extends AgentRuntimeContract {

    private static final InMemoryAgentCredentials CREDENTIALS = new InMemoryAgentCredentials();
    private static DockerClient docker;
    private static DockerAgentRuntime runtime;

    @BeforeAll
    static void connect() {
        docker = TestEngine.connect();
        TestEngine.ensureTestImage(docker);
        runtime = new DockerAgentRuntime(docker, TestEngine.settings(TestEngine.host()), CREDENTIALS, Clock.systemUTC());
    }

    @Override
    protected AgentRuntime runtime() {
        return runtime;
    }

    @Override
    protected Duration patience() {
        return Duration.ofSeconds(20);
    }

    /** The same engine, another {@code steward.installation}. */
    @Override
    protected AgentRuntime anotherInstallation() {
        return new DockerAgentRuntime(docker, TestEngine.settings(TestEngine.host())
                .withInstallation("other-" + UUID.randomUUID()), CREDENTIALS, Clock.systemUTC());
    }

    /**
     * Issue 14: with the default settings the engine runs no health check (said explicitly, so an image's own
     * HEALTHCHECK does not run either); the agent is READY as soon as it runs, with when it started.
     */
    @Test
    void byDefaultTheEngineRunsNoHealthCheckAndARunningAgentIsReadyWithItsStart() {
        DockerAgentRuntime asInstalled = new DockerAgentRuntime(docker, DockerSettings.defaults(TestEngine.IMAGE,
                "http://host.docker.internal:8080").withDockerHost(TestEngine.host()), CREDENTIALS, Clock.systemUTC());
        AgentSpec spec = aSpec(1);
        java.time.Instant before = java.time.Instant.now().minusSeconds(2);

        ObservedAgent ensured = asInstalled.ensure(spec);

        var inspected = docker.inspectContainerCmd(container(spec.client()).getId()).exec();
        assertThat(inspected.getConfig().getHealthcheck().getTest()).containsExactly("NONE");
        assertThat(inspected.getState().getHealth()).isNull();
        assertThat(ensured.state()).isEqualTo(ObservedAgent.State.READY);
        assertThat(ensured.runningSince()).hasValueSatisfying(at -> assertThat(at).isAfter(before));
        assertThat(asInstalled.observe()).filteredOn(a -> a.client().equals(spec.client())).singleElement()
                .satisfies(agent -> {
                    assertThat(agent.state()).isEqualTo(ObservedAgent.State.READY);
                    assertThat(agent.runningSince()).hasValueSatisfying(at -> assertThat(at).isAfter(before));
                });
    }

    @Test
    void anAgentOnAnotherImageThanConfiguredIsReportedStaleAndEnsureReplacesIt() {
        AgentSpec spec = aSpec(1);
        runtime.ensure(spec);
        String newer = TestEngine.variant("steward/busybox-agent-test:rollout-" + UUID.randomUUID().toString()
                .substring(0, 8));
        DockerAgentRuntime upgraded = new DockerAgentRuntime(docker, TestEngine.settings(TestEngine.host())
                .withImage(newer), CREDENTIALS, Clock.systemUTC());
        try {
            assertThat(runtime.observe()).filteredOn(a -> a.client().equals(spec.client())).singleElement()
                    .satisfies(agent -> assertThat(agent.staleImage()).as("current for the old settings").isFalse());
            assertThat(upgraded.observe()).filteredOn(a -> a.client().equals(spec.client())).singleElement()
                    .satisfies(agent -> assertThat(agent.staleImage()).isTrue());

            upgraded.ensure(spec);

            assertThat(docker.inspectContainerCmd(container(spec.client()).getId()).exec().getImageId())
                    .isEqualTo(docker.inspectImageCmd(newer).exec().getId());
            assertThat(upgraded.observe()).filteredOn(a -> a.client().equals(spec.client())).singleElement()
                    .satisfies(agent -> assertThat(agent.staleImage()).isFalse());
        } finally {
            upgraded.destroy(spec.client());
            docker.removeImageCmd(newer).withForce(true).exec();
        }
    }

    /** {@code docker kill}: the engine treats it as a manual stop and does not restart it. */
    @Override
    protected void killOutsideSteward(ClientId client) {
        docker.killContainerCmd(container(client).getId()).exec();
    }

    private static Container container(ClientId client) {
        List<Container> found = docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ContainerLabels.CLIENT, client.toString())).exec();
        assertThat(found).as("containers of client " + client).hasSize(1);
        return found.getFirst();
    }

    @Test
    void containerCarriesNameLabelsLimitsInitAndOnlyItsAgentToken() {
        AgentSpec spec = aSpec(4);
        runtime.ensure(spec);

        var inspected = docker.inspectContainerCmd(container(spec.client()).getId()).exec();

        assertThat(inspected.getName()).isEqualTo("/steward-" + spec.msp().toString().substring(0, 8) + "-"
                + spec.slug());
        assertThat(inspected.getConfig().getLabels()).containsEntry("steward.client", spec.client().toString())
                .containsEntry("steward.msp", spec.msp().toString()).containsEntry("steward.config-version", "4")
                .containsEntry("steward.installation", DockerSettings.DEFAULT_INSTALLATION);
        assertThat(inspected.getHostConfig().getMemory()).isEqualTo(256L << 20);
        assertThat(inspected.getHostConfig().getNanoCPUs()).isEqualTo(500_000_000L);
        assertThat(inspected.getHostConfig().getPidsLimit()).isEqualTo(256L);
        assertThat(inspected.getHostConfig().getInit()).isTrue();
        assertThat(inspected.getHostConfig().getRestartPolicy().getName()).isEqualTo("on-failure");
        assertThat(inspected.getHostConfig().getRestartPolicy().getMaximumRetryCount()).isEqualTo(3);
        assertThat(inspected.getConfig().getHealthcheck().getTest()).contains(DockerSettings.DEFAULT_HEALTH_COMMAND);
        assertThat(inspected.getConfig().getEnv()).contains("STEWARD_CLIENT_ID=" + spec.client(),
                "STEWARD_CONFIG_VERSION=4", "STEWARD_CONTROL_PLANE_URL=http://host.docker.internal:8080")
                .noneMatch(variable -> variable.matches("(?i).*(secret|password|api_?key).*"));
        String token = java.util.Arrays.stream(inspected.getConfig().getEnv()).filter(v -> v.startsWith("STEWARD_AGENT_TOKEN="))
                .findFirst().orElseThrow().substring("STEWARD_AGENT_TOKEN=".length());
        assertThat(token).as("a one-time bootstrap token, nothing reusable").startsWith("stb_")
                .satisfies(bootstrap -> assertThat(CREDENTIALS.verify(bootstrap)).isEmpty());
        assertThat(CREDENTIALS.exchange(token).flatMap(CREDENTIALS::verify))
                .as("it trades for a session token of this client").contains(spec.client());
    }

    @Test
    void crashedAgentIsRestartedByTheEngineAndTheRestartCounted() {
        AgentSpec spec = aSpec(1);
        runtime.ensure(spec);
        awaitReady(spec);
        long pid = docker.inspectContainerCmd(container(spec.client()).getId()).exec().getState().getPidLong();

        TestEngine.run(List.of("kill", "-9", Long.toString(pid)), null); // a crash, not a docker stop

        await().alias("restart counted in diagnostics").until(() -> runtime.diagnose(spec.client(), 5,
                Optional.empty()).health().restarts() >= 1);
        awaitReady(spec);
    }

    @Test
    void orphanContainerWithOurLabelsIsListedAndRemovable() {
        ClientId orphan = new ClientId(UUID.randomUUID());
        String msp = UUID.randomUUID().toString();
        String id = docker.createContainerCmd(TestEngine.IMAGE).withName("steward-orphan-" + orphan.value())
                .withLabels(TestEngine.agentLabels(DockerSettings.DEFAULT_INSTALLATION, orphan.toString(), msp, 7))
                .exec().getId();
        try {
            ObservedAgent listed = awaitObserved(orphan, "orphan listed", agent -> true);
            assertThat(listed.configVersion()).isEqualTo(7);
            assertThat(listed.msp().toString()).isEqualTo(msp);

            runtime.destroy(orphan);

            assertThat(observed(orphan)).isEmpty();
        } finally {
            TestEngine.run(List.of("sh", "-c", "docker rm -f " + id + " >/dev/null 2>&1 || true"), null);
        }
    }

    @Test
    void diagnosticsReportResourceUsageWithTheMemoryLimit() {
        AgentSpec spec = aSpec(1);
        runtime.ensure(spec);
        awaitReady(spec);

        Diagnostics diagnostics = runtime.diagnose(spec.client(), 10, Optional.empty());

        assertThat(diagnostics.usage()).isPresent();
        assertThat(diagnostics.usage().get().memoryLimitBytes()).isEqualTo(256L << 20);
        assertThat(diagnostics.usage().get().memoryUsedBytes()).isPositive();
        assertThat(diagnostics.logs()).anyMatch(line -> line.text().contains("started with configuration v1"));
        assertThat(diagnostics.health().image()).isEqualTo(TestEngine.IMAGE);
        assertThat(diagnostics.health().lastHeartbeat()).isPresent();
    }

    @Test
    void missingImageIsARetryableFailure() {
        DockerAgentRuntime withoutImage = new DockerAgentRuntime(docker, DockerSettings.defaults(
                "steward/no-such-image:never", "http://localhost:8080").withDockerHost(TestEngine.host()), CREDENTIALS,
                Clock.systemUTC());

        assertThatThrownBy(() -> withoutImage.ensure(aSpec(1)))
                .isInstanceOfSatisfying(PortFailure.class, failure -> assertThat(failure.retryable()).isTrue())
                .hasMessageContaining("steward/no-such-image:never");
    }

    @Test
    void unreachableEngineIsARetryableFailure() {
        DockerAgentRuntime nowhere = new DockerAgentRuntime(DockerClients.connect("tcp://127.0.0.1:1"),
                TestEngine.settings("tcp://127.0.0.1:1"), CREDENTIALS, Clock.systemUTC());

        assertThatThrownBy(nowhere::observe)
                .isInstanceOfSatisfying(PortFailure.class, failure -> assertThat(failure.retryable()).isTrue())
                .hasMessageContaining("unreachable at tcp://127.0.0.1:1");
    }
}

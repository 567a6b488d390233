package dev.steward.adapter.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Service;
import dev.steward.application.inmemory.InMemoryAgentCredentials;
import dev.steward.application.port.runtime.AgentRuntime;
import dev.steward.application.port.runtime.AgentSpec;
import dev.steward.application.port.runtime.AgentRuntimeContract;
import dev.steward.domain.client.ClientId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SwarmAgentRuntimeIT extends AgentRuntimeContract {

    /** What an operator sets for swarm: an address every node reaches (host.docker.internal is not mapped). */
    private static final String CONTROL_PLANE_URL = "http://steward-manager.internal:8080";
    private static DockerClient docker;
    private static TwoNodeSwarm swarm;
    private static String image;
    private static SwarmAgentRuntime runtime;

    /**
     * Swarm pulls the image from a registry (a name without one is refused), so the kit runs on the two-node set-up;
     * its agents are kept on the manager, where {@link #killOutsideSteward} finds their containers.
     */
    @BeforeAll
    static void connect() {
        docker = TestEngine.connectToSwarm();
        swarm = TwoNodeSwarm.up();
        image = swarm.push(docker, "issue16-swarm");
        runtime = new SwarmAgentRuntime(docker, swarmSettings(), new InMemoryAgentCredentials(), Clock.systemUTC());
    }

    @AfterAll
    static void workerLeaves() {
        if (swarm != null) {
            swarm.down();
        }
    }

    private static DockerSettings swarmSettings() {
        return TestEngine.settings(TestEngine.host(), CONTROL_PLANE_URL).withImage(image)
                .withMode(DockerSettings.Mode.SWARM).withSwarmConstraints(List.of("node.role==manager"));
    }

    @Override
    protected AgentRuntime runtime() {
        return runtime;
    }

    @Override
    protected Duration patience() {
        return Duration.ofSeconds(40);
    }

    /** The same swarm, another {@code steward.installation}. */
    @Override
    protected AgentRuntime anotherInstallation() {
        return new SwarmAgentRuntime(docker, swarmSettings().withInstallation("other-" + UUID.randomUUID()),
                new InMemoryAgentCredentials(), Clock.systemUTC());
    }

    /** Swarm's on-failure policy starts a new task for a killed one. */
    @Override
    protected boolean restartsKilledAgents() {
        return true;
    }

    /** Kills the running task's container, as a crash on the node would. */
    @Override
    protected void killOutsideSteward(ClientId client) {
        List<Container> running = await().alias("task container of " + client + " running").until(
                () -> docker.listContainersCmd().withLabelFilter(Map.of(ContainerLabels.CLIENT, client.toString()))
                        .exec(), containers -> containers.size() == 1);
        docker.killContainerCmd(running.getFirst().getId()).exec();
    }

    /**
     * Issue 14: with the default settings the service's tasks run no health check (the reconciler judges agents by
     * their check-ins; a one-replica, stop-first service has nothing for Swarm's update monitor to hold back), and a
     * running task is READY with the time it started running.
     */
    @Test
    void byDefaultTasksRunNoHealthCheckAndARunningTaskIsReadyWithItsStart() {
        SwarmAgentRuntime asInstalled = new SwarmAgentRuntime(docker, swarmSettings()
                .withHealth(DockerSettings.DEFAULT_HEALTH_COMMAND, DockerSettings.NO_HEALTH_CHECK),
                new InMemoryAgentCredentials(), Clock.systemUTC());
        AgentSpec spec = aSpec(1);
        java.time.Instant before = java.time.Instant.now().minusSeconds(2);

        asInstalled.ensure(spec);

        var service = docker.listServicesCmd().withLabelFilter(Map.of(ContainerLabels.CLIENT, spec.client().toString()))
                .exec().getFirst();
        assertThat(service.getSpec().getTaskTemplate().getContainerSpec().getHealthCheck().getTest())
                .containsExactly("NONE");
        var ready = awaitObserved(spec.client(), "task of " + spec.slug() + " running",
                agent -> agent.runs(1) && agent.runningSince().isPresent());
        assertThat(ready.runningSince().orElseThrow()).isAfter(before);
    }

    @Test
    void serviceCarriesLabelsLimitsAndOneReplica() {
        AgentSpec spec = aSpec(2);
        runtime.ensure(spec);

        List<Service> services = docker.listServicesCmd()
                .withLabelFilter(Map.of(ContainerLabels.CLIENT, spec.client().toString())).exec();

        assertThat(services).hasSize(1);
        var serviceSpec = services.getFirst().getSpec();
        assertThat(serviceSpec.getName()).hasSizeLessThanOrEqualTo(63).startsWith("steward-");
        assertThat(serviceSpec.getLabels()).containsEntry("steward.msp", spec.msp().toString())
                .containsEntry("steward.config-version", "2")
                .containsEntry("steward.installation", DockerSettings.DEFAULT_INSTALLATION);
        assertThat(serviceSpec.getTaskTemplate().getContainerSpec().getEnv())
                .as("every task, on whichever node, is given the configured control-plane URL")
                .contains("STEWARD_CONTROL_PLANE_URL=" + CONTROL_PLANE_URL);
        assertThat(serviceSpec.getMode().getReplicated().getReplicas()).isEqualTo(1);
        assertThat(serviceSpec.getTaskTemplate().getResources().getLimits().getMemoryBytes()).isEqualTo(256L << 20);
        assertThat(serviceSpec.getTaskTemplate().getContainerSpec().getInit()).isTrue();
        assertThat(serviceSpec.getTaskTemplate().getRestartPolicy().getMaxAttempts()).isEqualTo(3L);
    }
}

package dev.steward.adapter.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.TaskState;
import dev.steward.application.port.runtime.ObservedAgent.State;
import org.junit.jupiter.api.Test;

class ContainerStateTest {

    @Test
    void readsHealthFromTheListStatus() {
        assertThat(DockerAgentRuntime.health("Up 3 seconds (health: starting)")).isEqualTo("starting");
        assertThat(DockerAgentRuntime.health("Up 2 minutes (healthy)")).isEqualTo("healthy");
        assertThat(DockerAgentRuntime.health("Up 2 minutes (unhealthy)")).isEqualTo("unhealthy");
        assertThat(DockerAgentRuntime.health("Exited (137) 5 seconds ago")).isEmpty();
        assertThat(DockerAgentRuntime.health(null)).isEmpty();
    }

    @Test
    void mapsEngineStateAndHealthToObservedState() {
        assertThat(DockerAgentRuntime.state("running", "healthy")).isEqualTo(State.READY);
        assertThat(DockerAgentRuntime.state("running", "")).isEqualTo(State.READY);
        assertThat(DockerAgentRuntime.state("running", "starting")).isEqualTo(State.STARTING);
        assertThat(DockerAgentRuntime.state("running", "unhealthy")).isEqualTo(State.UNHEALTHY);
        assertThat(DockerAgentRuntime.state("restarting", "")).isEqualTo(State.STARTING);
        assertThat(DockerAgentRuntime.state("created", "")).isEqualTo(State.STARTING);
        assertThat(DockerAgentRuntime.state("paused", "")).isEqualTo(State.UNHEALTHY);
        assertThat(DockerAgentRuntime.state("exited", "")).isEqualTo(State.EXITED);
        assertThat(DockerAgentRuntime.state("dead", "")).isEqualTo(State.EXITED);
    }

    @Test
    void mapsEverySwarmTaskState() {
        assertThat(SwarmAgentRuntime.state(TaskState.RUNNING)).isEqualTo(State.READY);
        assertThat(SwarmAgentRuntime.state(TaskState.PREPARING)).isEqualTo(State.STARTING);
        assertThat(SwarmAgentRuntime.state(TaskState.STARTING)).isEqualTo(State.STARTING);
        assertThat(SwarmAgentRuntime.state(TaskState.FAILED)).isEqualTo(State.EXITED);
        assertThat(SwarmAgentRuntime.state(TaskState.SHUTDOWN)).isEqualTo(State.EXITED);
        for (TaskState state : TaskState.values()) {
            assertThat(SwarmAgentRuntime.state(state)).as(state.name()).isNotNull();
        }
    }
}

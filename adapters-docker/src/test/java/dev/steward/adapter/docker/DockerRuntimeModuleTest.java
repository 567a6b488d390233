package dev.steward.adapter.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.spi.LinkedKeyBinding;
import dev.steward.application.inmemory.InMemoryAgentCredentials;
import dev.steward.application.port.runtime.AgentCredentials;
import dev.steward.application.port.runtime.AgentRuntime;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerRuntimeModuleTest {

    private static Injector injector(String mode) {
        return Guice.createInjector(Stage.TOOL,
                new DockerRuntimeModule(DockerSettings.from(Map.of("STEWARD_RUNTIME", mode,
                        "STEWARD_CONTROL_PLANE_URL", "http://10.0.0.1:8080",
                        "STEWARD_AGENT_IMAGE", "registry.example/steward/agent:1"))),
                binder -> {
                    binder.requireExplicitBindings(); // the root switches STYLE.md B.10 asks for
                    binder.requireAtInjectOnConstructors();
                    binder.bind(Clock.class).toInstance(Clock.systemUTC());
                    binder.bind(AgentCredentials.class).toInstance(new InMemoryAgentCredentials());
                });
    }

    private static Key<?> runtimeTarget(Injector injector) {
        return ((LinkedKeyBinding<?>) injector.getBinding(AgentRuntime.class)).getLinkedKey();
    }

    @Test
    void dockerModeBindsTheContainerRuntime() {
        assertThat(runtimeTarget(injector("docker"))).isEqualTo(Key.get(DockerAgentRuntime.class));
    }

    @Test
    void swarmModeBindsTheServiceRuntime() {
        assertThat(runtimeTarget(injector("swarm"))).isEqualTo(Key.get(SwarmAgentRuntime.class));
    }
}

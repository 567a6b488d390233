package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThatCode;

import com.google.inject.Guice;
import com.google.inject.Stage;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every profile's bindings are complete: checked in Stage.TOOL, where nothing is instantiated or started. */
class WiringTest {

    @Test
    void theEmbeddedDefaultProfileIsFullyBound() {
        assertBound(StewardConfig.from(Map.of()));
    }

    @Test
    void theInMemoryProfileIsFullyBound() {
        assertBound(StewardConfig.from(Map.of("STEWARD_STORE", "memory")));
    }

    @Test
    void theExternalDatabaseProfileIsFullyBound() {
        assertBound(StewardConfig.from(Map.of("STEWARD_DATABASE_URL", "jdbc:postgresql://localhost/steward")));
    }

    @Test
    void theDockerAndSwarmProfilesAreFullyBound() {
        assertBound(StewardConfig.from(Map.of("STEWARD_RUNTIME", "docker")));
        assertBound(StewardConfig.from(Map.of("STEWARD_RUNTIME", "swarm",
                "STEWARD_CONTROL_PLANE_URL", "http://10.0.0.1:8080")));
    }

    private static void assertBound(StewardConfig config) {
        assertThatCode(() -> Guice.createInjector(Stage.TOOL, Profiles.modulesFor(config))).doesNotThrowAnyException();
    }
}

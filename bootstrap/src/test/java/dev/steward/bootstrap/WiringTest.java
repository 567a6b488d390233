package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.google.inject.Binding;
import com.google.inject.Guice;
import com.google.inject.Stage;
import com.google.inject.spi.LinkedKeyBinding;
import dev.steward.adapter.llm.ChatCompletionsReasoner;
import dev.steward.application.agentloop.RunbookReasoner;
import dev.steward.application.port.Reasoner;
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

    @Test
    void theReasonerIsTheRunbookOneByDefaultAndTheModelWhenConfigured() {
        assertThat(reasonerOf(StewardConfig.from(Map.of()))).isEqualTo(RunbookReasoner.class);
        StewardConfig openai = StewardConfig.from(Map.of("STEWARD_REASONER", "openai", "STEWARD_LLM_URL",
                "http://localhost:11434/v1", "STEWARD_LLM_MODEL", "qwen2.5:14b"));
        assertBound(openai);
        assertThat(reasonerOf(openai)).isEqualTo(ChatCompletionsReasoner.class);
    }

    private static Class<?> reasonerOf(StewardConfig config) {
        Binding<Reasoner> binding = Guice.createInjector(Stage.TOOL, Profiles.modulesFor(config))
                .getBinding(Reasoner.class);
        return ((LinkedKeyBinding<?>) binding).getLinkedKey().getTypeLiteral().getRawType();
    }

    private static void assertBound(StewardConfig config) {
        assertThatCode(() -> Guice.createInjector(Stage.TOOL, Profiles.modulesFor(config))).doesNotThrowAnyException();
    }
}

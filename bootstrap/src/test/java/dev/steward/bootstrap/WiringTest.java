package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Scopes;
import com.google.inject.Stage;
import com.google.inject.spi.InstanceBinding;
import dev.steward.adapter.persistence.Database;
import dev.steward.application.agent.AgentWorkUseCase;
import dev.steward.application.agent.message.AgentConfiguration;
import dev.steward.application.port.reasoning.LanguageModel;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every profile's bindings are complete: checked in Stage.TOOL, where nothing is instantiated or started. The
 * database bootstrap opens before building the injector is a Mockito stand-in here, which also shows that building
 * the injector never touches it.
 */
class WiringTest {

    private final Database database = mock(Database.class);

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
                "STEWARD_CONTROL_PLANE_URL", "http://10.0.0.1:8080",
                "STEWARD_AGENT_IMAGE", "registry.example/steward/agent:1")));
    }

    @Test
    void agentsRunTheRunbookReasonerByDefaultAndTheControlPlaneCallsTheModelWhenOneIsConfigured() {
        Injector runbook = Guice.createInjector(Stage.TOOL, Profiles.modulesFor(StewardConfig.from(Map.of()),
                Optional.of(database)));
        assertThat(reasonerOf(runbook)).isEqualTo(AgentConfiguration.ReasonerChoice.RUNBOOK);
        StewardConfig openai = StewardConfig.from(Map.of("STEWARD_REASONER", "openai", "STEWARD_LLM_URL",
                "http://localhost:11434/v1", "STEWARD_LLM_MODEL", "qwen2.5:14b"));
        assertBound(openai);
        Injector model = Guice.createInjector(Stage.TOOL, Profiles.modulesFor(openai, Optional.of(database)));
        assertThat(reasonerOf(model)).isEqualTo(AgentConfiguration.ReasonerChoice.model("qwen2.5:14b"));
        assertThat(model.getExistingBinding(Key.get(LanguageModel.class))).as("the control plane's model").isNotNull();
        assertThat(runbook.getExistingBinding(Key.get(LanguageModel.class))).as("no model without one configured")
                .isNull();
    }

    @Test
    void oneAgentWorkServiceServesEveryLongPollSoOneSweepLooksForAllOfThem() {
        Injector injector = Guice.createInjector(Stage.TOOL, Profiles.modulesFor(StewardConfig.from(Map.of()),
                Optional.of(database)));
        assertThat(Scopes.isSingleton(injector.getBinding(AgentWorkUseCase.class))).isTrue();
    }

    private static Object reasonerOf(Injector injector) {
        return ((InstanceBinding<?>) injector.getBinding(AgentConfiguration.ReasonerChoice.class)).getInstance();
    }

    private void assertBound(StewardConfig config) {
        assertThatCode(() -> Guice.createInjector(Stage.TOOL, Profiles.modulesFor(config, Optional.of(database))))
                .doesNotThrowAnyException();
        verifyNoInteractions(database);
    }
}

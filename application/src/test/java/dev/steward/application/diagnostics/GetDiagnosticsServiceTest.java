package dev.steward.application.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.inmemory.InMemoryClientRepository;
import dev.steward.application.inmemory.InMemoryUnitOfWork;
import dev.steward.application.inmemory.InProcessAgentRuntime;
import dev.steward.application.port.AgentSpec;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.problem.NotFound;
import dev.steward.application.testkit.Fixtures;
import dev.steward.application.testkit.MutableClock;
import dev.steward.domain.client.Client;
import dev.steward.domain.diagnostics.Diagnostics.HealthState;
import dev.steward.domain.msp.MspId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GetDiagnosticsServiceTest {

    private final InMemoryClientRepository clients = new InMemoryClientRepository(new InMemoryUnitOfWork());
    private final InProcessAgentRuntime runtime = new InProcessAgentRuntime(MutableClock.startingAt(
            "2026-01-01T09:00:00Z"));
    private final GetDiagnosticsService service = new GetDiagnosticsService(clients, runtime);
    private final MspId msp = Fixtures.uniqueMspId();
    private final Client client = clients.add(Fixtures.aClient().inMsp(msp).withSlug("acme").build());

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void reportsAMissingAgentAsAbsent() {
        assertThat(service.diagnose(msp, "acme", 10).health().state()).isEqualTo(HealthState.ABSENT);
    }

    @Test
    void returnsTheNewestLogLinesOfARunningAgent() {
        runtime.ensure(new AgentSpec(client.id(), msp, client.slug(), 1));
        runtime.ensure(new AgentSpec(client.id(), msp, client.slug(), 2));

        var diagnostics = service.diagnose(msp, "acme", 1);

        assertThat(diagnostics.health().running()).isTrue();
        assertThat(diagnostics.logs()).hasSize(1);
        assertThat(diagnostics.logs().getFirst().text()).contains("v2");
    }

    @Test
    void refusesATailOutOfRangeAndAnotherMspsClient() {
        assertThatThrownBy(() -> service.diagnose(msp, "acme", 0)).isInstanceOf(InvalidCommand.class)
                .hasMessageContaining("tail");
        assertThatThrownBy(() -> service.diagnose(msp, "acme", GetDiagnosticsUseCase.MAX_TAIL + 1))
                .isInstanceOf(InvalidCommand.class);
        assertThatThrownBy(() -> service.diagnose(Fixtures.uniqueMspId(), "acme", 10)).isInstanceOf(NotFound.class);
    }
}

package dev.steward.application.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.agent.AgentReasoning;
import dev.steward.application.inmemory.InMemoryAgentCheckIns;
import dev.steward.application.inmemory.InMemoryClientRepository;
import dev.steward.application.inmemory.InMemoryUnitOfWork;
import dev.steward.application.inprocess.InProcessAgentRuntime;
import dev.steward.application.port.runtime.AgentCheckIns.CheckIn;
import dev.steward.application.port.runtime.AgentSpec;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.problem.NotFound;
import dev.steward.application.provisioning.LivenessJudge;
import dev.steward.application.testkit.Fixtures;
import dev.steward.application.testkit.IdleControlPlane;
import dev.steward.application.testkit.MutableClock;
import dev.steward.domain.agent.AgentLiveness;
import dev.steward.domain.client.Client;
import dev.steward.domain.diagnostics.Diagnostics;
import dev.steward.domain.diagnostics.Diagnostics.HealthState;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GetDiagnosticsServiceTest {

    private final MutableClock clock = MutableClock.startingAt("2026-05-01T08:00:00Z");
    private final InMemoryClientRepository clients = new InMemoryClientRepository(new InMemoryUnitOfWork());
    private final InMemoryAgentCheckIns checkIns = new InMemoryAgentCheckIns();
    // the agent's own heartbeat runs on real time while this test moves the clock by hand, so its check-ins go
    // elsewhere (an idle control plane) and the tests record the check-ins they mean
    private final InProcessAgentRuntime runtime = new InProcessAgentRuntime(clock, IdleControlPlane.connector(),
            AgentReasoning.runbooks());
    private final GetDiagnosticsService service = new GetDiagnosticsService(clients, runtime, checkIns, clock);
    private final Client client = clients.add(Fixtures.aClient().active().build());

    @AfterEach
    void stopAgents() {
        runtime.close();
    }

    private void runAgent() {
        runtime.ensure(new AgentSpec(client.id(), client.msp(), client.slug(), client.configVersion()));
    }

    @Test
    void aRunningAgentReportsHealthUptimeAndItsLogs() {
        runAgent();
        clock.advance(Duration.ofMinutes(3));
        checkIns.record(new CheckIn(client.id(), client.configVersion(), clock.instant().minusSeconds(20)));

        Diagnostics diagnostics = service.diagnose(client.msp(), client.slug().value(), 50, Optional.empty());

        assertThat(diagnostics.health().running()).isTrue();
        assertThat(diagnostics.health().state()).isEqualTo(HealthState.HEALTHY);
        assertThat(diagnostics.health().uptime()).contains(Duration.ofMinutes(3));
        assertThat(diagnostics.logs()).extracting(Diagnostics.LogLine::text)
                .anySatisfy(line -> assertThat(line).contains("started with configuration v"));
    }

    @Test
    void anAgentThatStoppedCheckingInIsUnhealthy() {
        runAgent();
        checkIns.record(new CheckIn(client.id(), client.configVersion(), clock.instant()));
        clock.advance(AgentLiveness.DEFAULT.limit());
        assertThat(service.diagnose(client.msp(), client.slug().value(), 10, Optional.empty()).health().state())
                .as("heard from within the limit").isEqualTo(HealthState.HEALTHY);
        clock.advance(Duration.ofSeconds(1));

        Diagnostics diagnostics = service.diagnose(client.msp(), client.slug().value(), 10, Optional.empty());

        assertThat(diagnostics.health().state()).isEqualTo(HealthState.UNHEALTHY);
        assertThat(diagnostics.health().detail()).endsWith("no check-in for 51 s (limit 50 s)");
        assertThat(diagnostics.health().lastHeartbeat()).isPresent();
    }

    @Test
    void anAgentThatNeverCheckedInIsUnhealthyOnceTheLimitHasPassedSinceItStarted() {
        clock.advance(Duration.ofMinutes(10)); // the client became active long before its current agent started
        runAgent();
        clock.advance(Duration.ofSeconds(50));
        assertThat(service.diagnose(client.msp(), client.slug().value(), 10, Optional.empty()).health().state())
                .isEqualTo(HealthState.HEALTHY);

        clock.advance(Duration.ofSeconds(5));

        assertThat(service.diagnose(client.msp(), client.slug().value(), 10, Optional.empty()).health().detail())
                .endsWith("no check-in for 55 s (limit 50 s)");
    }

    /** Bug 2 of issue 14: a control plane that was down heard nothing, and says nothing against its agents for it. */
    @Test
    void silenceFromBeforeTheControlPlaneStartedDoesNotCount() {
        runAgent();
        checkIns.record(new CheckIn(client.id(), client.configVersion(), clock.instant()));
        clock.advance(Duration.ofMinutes(5)); // the control plane was down meanwhile; this one has just started
        GetDiagnosticsService restarted = new GetDiagnosticsService(clients, runtime, checkIns, clock,
                new LivenessJudge(clock));

        clock.advance(Duration.ofSeconds(45));
        assertThat(restarted.diagnose(client.msp(), client.slug().value(), 10, Optional.empty()).health().state())
                .isEqualTo(HealthState.HEALTHY);
        clock.advance(Duration.ofSeconds(10));
        assertThat(restarted.diagnose(client.msp(), client.slug().value(), 10, Optional.empty()).health().state())
                .as("still unheard 55 s after the restart").isEqualTo(HealthState.UNHEALTHY);
    }

    @Test
    void aCrashedAgentShowsItsExitCode() {
        runAgent();
        runtime.crash(client.id(), 137);

        Diagnostics diagnostics = service.diagnose(client.msp(), client.slug().value(), 10, Optional.empty());

        assertThat(diagnostics.health().running()).isFalse();
        assertThat(diagnostics.health().exitCode()).contains(137);
    }

    @Test
    void aClientWithoutAnAgentIsReportedAbsent() {
        Diagnostics diagnostics = service.diagnose(client.msp(), client.slug().value(), 10, Optional.empty());
        assertThat(diagnostics.health().state()).isEqualTo(HealthState.ABSENT);
    }

    @Test
    void refusesAnOutOfRangeTailAndUnknownClients() {
        assertThatThrownBy(() -> service.diagnose(client.msp(), client.slug().value(), -1, Optional.empty()))
                .isInstanceOfSatisfying(InvalidCommand.class,
                        e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("tail"));
        assertThatThrownBy(() -> service.diagnose(Fixtures.uniqueMspId(), client.slug().value(), 10, Optional.empty()))
                .isInstanceOf(NotFound.class);
    }
}

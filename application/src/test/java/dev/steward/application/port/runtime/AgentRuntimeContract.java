package dev.steward.application.port.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.steward.application.port.runtime.AgentRuntime;
import dev.steward.application.port.runtime.AgentSpec;
import dev.steward.application.port.runtime.ObservedAgent;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.diagnostics.Diagnostics;
import dev.steward.domain.diagnostics.Diagnostics.HealthState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every {@link AgentRuntime} must pass this: one test per rule in the port's Javadoc. Subclass it, return your
 * runtime, tell the kit how to kill an agent behind the runtime's back, run it.
 *
 * <p>Runtimes whose agents start asynchronously (containers, Swarm services) get time: every expectation about
 * what {@link AgentRuntime#observe()} reports is awaited for {@link #patience()} (Awaitility, no sleeps). Each test
 * uses fresh client ids and destroys what it created, so the kit can run against a shared engine.
 */
public abstract class AgentRuntimeContract {

    private final List<ClientId> created = new ArrayList<>();

    /** The runtime under test; may be shared across tests. */
    protected abstract AgentRuntime runtime();

    /**
     * Makes the client's agent stop the way a crash or an operator outside Steward would (for a container:
     * {@code docker kill}), without going through {@link AgentRuntime#destroy}.
     */
    protected abstract void killOutsideSteward(ClientId client);

    /**
     * A second runtime of <b>another installation</b> sharing what this one runs on (for a container runtime: the same
     * engine, another {@code steward.installation} label). Called once per test that needs it.
     */
    protected abstract AgentRuntime anotherInstallation();

    /** How long an asynchronous runtime may take to show a change. Synchronous runtimes can keep the default. */
    protected Duration patience() {
        return Duration.ofSeconds(5);
    }

    /**
     * Whether the runtime restarts a killed agent on its own (a restart policy). If so, a killed agent may be
     * observed as restarted, with the restart counted, instead of {@code EXITED}; either way it stays listed.
     */
    protected boolean restartsKilledAgents() {
        return false;
    }

    @AfterEach
    void destroyWhatTheTestCreated() {
        created.forEach(runtime()::destroy);
        created.clear();
    }

    /** A spec for a new client (fresh id, MSP and slug), remembered so the test cleans it up. */
    protected AgentSpec aSpec(long configVersion) {
        AgentSpec spec = new AgentSpec(new ClientId(UUID.randomUUID()), Fixtures.uniqueMspId(), Fixtures.uniqueSlug(),
                configVersion);
        created.add(spec.client());
        return spec;
    }

    protected ConditionFactory await() {
        return Awaitility.await().atMost(patience()).pollInterval(Duration.ofMillis(50)).pollDelay(Duration.ZERO);
    }

    /** The agents {@code observe()} lists for one client. */
    protected List<ObservedAgent> observed(ClientId client) {
        return runtime().observe().stream().filter(agent -> agent.client().equals(client)).toList();
    }

    /** Waits until {@code observe()} lists exactly one agent of the client and it matches, then returns it. */
    protected ObservedAgent awaitObserved(ClientId client, String expectation, Predicate<ObservedAgent> condition) {
        return await().alias(expectation).until(() -> {
            List<ObservedAgent> agents = observed(client);
            return agents.size() == 1 && condition.test(agents.getFirst()) ? agents.getFirst() : null;
        }, agent -> agent != null);
    }

    protected ObservedAgent awaitReady(AgentSpec spec) {
        return awaitObserved(spec.client(), "agent of " + spec.slug() + " ready with configuration v"
                + spec.configVersion(), agent -> agent.runs(spec.configVersion()));
    }

    @Test
    void ensuredAgentIsObservedRunningItsConfiguration() {
        AgentSpec spec = aSpec(1);

        ObservedAgent returned = runtime().ensure(spec);

        assertThat(returned.client()).isEqualTo(spec.client());
        assertThat(returned.msp()).isEqualTo(spec.msp());
        ObservedAgent agent = awaitReady(spec);
        assertThat(agent.msp()).as("observed MSP").isEqualTo(spec.msp());
    }

    @Test
    void ensuringTwiceGivesOneAgent() {
        AgentSpec spec = aSpec(1);

        runtime().ensure(spec);
        runtime().ensure(spec);

        awaitReady(spec);
        assertThat(observed(spec.client()))
                .as("ensure is idempotent by client id: calling it twice must not start a second agent")
                .hasSize(1);
    }

    @Test
    void ensuringAgainOnceReadyKeepsTheAgentAsItIs() {
        AgentSpec spec = aSpec(1);
        runtime().ensure(spec);
        awaitReady(spec);

        ObservedAgent again = runtime().ensure(spec);

        assertThat(again.runs(1)).as("an agent already running the configuration is left alone: " + again).isTrue();
        assertThat(observed(spec.client())).hasSize(1);
    }

    @Test
    void ensuringANewerConfigVersionIsObserved() {
        AgentSpec v1 = aSpec(1);
        runtime().ensure(v1);
        awaitReady(v1);
        AgentSpec v2 = new AgentSpec(v1.client(), v1.msp(), v1.slug(), 2);

        runtime().ensure(v2);

        awaitReady(v2);
        assertThat(observed(v1.client())).as("a new configuration must not add a second agent").hasSize(1);
    }

    /**
     * The reconciler counts an agent's silence (no check-in) only from when it started running, so a runtime that
     * reports {@code runningSince} must report this agent's start: not before the ensure that started it (nor in the
     * future). Engines keep whole seconds, hence the margin.
     */
    @Test
    void whenItStartedRunningIfReportedIsThisAgentsStart() {
        Instant before = Instant.now().minusSeconds(2);
        AgentSpec spec = aSpec(1);
        runtime().ensure(spec);

        ObservedAgent agent = awaitReady(spec);

        agent.runningSince().ifPresent(since -> assertThat(since).as("runningSince of " + agent)
                .isBetween(before, Instant.now().plusSeconds(2)));
    }

    @Test
    void observeListsAKilledAgentInsteadOfHidingIt() {
        AgentSpec spec = aSpec(1);
        runtime().ensure(spec);
        awaitReady(spec);

        killOutsideSteward(spec.client());

        ObservedAgent agent = awaitObserved(spec.client(), "killed agent of " + spec.slug() + " reported as "
                + (restartsKilledAgents() ? "exited or restarted" : "exited"),
                observed -> observed.state() == ObservedAgent.State.EXITED
                        || (restartsKilledAgents() && observed.restarts() > 0));
        assertThat(agent.msp()).isEqualTo(spec.msp());
    }

    @Test
    void ensureRevivesAKilledAgent() {
        AgentSpec spec = aSpec(1);
        runtime().ensure(spec);
        awaitReady(spec);
        killOutsideSteward(spec.client());
        awaitObserved(spec.client(), "agent killed", agent -> agent.state() == ObservedAgent.State.EXITED
                || (restartsKilledAgents() && agent.restarts() > 0));

        runtime().ensure(spec);

        awaitReady(spec);
    }

    @Test
    void observeListsAgentsOfEveryMspInOneCall() {
        AgentSpec first = aSpec(1);
        AgentSpec second = aSpec(3);
        runtime().ensure(first);
        runtime().ensure(second);

        await().alias("both agents listed by one observe() call").until(() -> {
            List<ObservedAgent> all = runtime().observe();
            return all.stream().anyMatch(a -> a.client().equals(first.client()) && a.msp().equals(first.msp()))
                    && all.stream().anyMatch(a -> a.client().equals(second.client()) && a.msp().equals(second.msp()));
        });
    }

    @Test
    void agentsOfAnotherInstallationAreNeitherObservedNorDestroyed() {
        AgentRuntime other = anotherInstallation();
        AgentSpec theirs = new AgentSpec(new ClientId(UUID.randomUUID()), Fixtures.uniqueMspId(),
                Fixtures.uniqueSlug(), 1);
        AgentSpec ours = aSpec(1);
        try {
            other.ensure(theirs);
            runtime().ensure(ours);
            await().alias("the other installation's agent ready").until(() -> other.observe().stream()
                    .anyMatch(agent -> agent.client().equals(theirs.client()) && agent.runs(1)));
            awaitReady(ours);

            assertThat(runtime().observe()).as("what this installation observes (its orphan candidates)")
                    .noneMatch(agent -> agent.client().equals(theirs.client()));
            assertThat(other.observe()).as("what the other installation observes")
                    .noneMatch(agent -> agent.client().equals(ours.client()));
            runtime().destroy(theirs.client());
            assertThat(runtime().diagnose(theirs.client(), 10, Optional.empty()).health().state())
                    .as("diagnosing another installation's agent").isEqualTo(HealthState.ABSENT);

            assertThat(other.observe()).as("destroy by another installation must leave the agent alone")
                    .anyMatch(agent -> agent.client().equals(theirs.client()));
        } finally {
            other.destroy(theirs.client());
        }
    }

    @Test
    void destroyingAnAbsentAgentSucceeds() {
        ClientId neverCreated = aSpec(1).client();

        assertThatCode(() -> runtime().destroy(neverCreated)).doesNotThrowAnyException();
        assertThat(observed(neverCreated)).isEmpty();
    }

    @Test
    void destroyRemovesTheAgent() {
        AgentSpec spec = aSpec(1);
        runtime().ensure(spec);
        awaitReady(spec);

        runtime().destroy(spec.client());

        await().alias("destroyed agent no longer listed").until(() -> observed(spec.client()).isEmpty());
        assertThat(runtime().diagnose(spec.client(), 10, Optional.empty()).health().state())
                .isEqualTo(HealthState.ABSENT);
    }

    @Test
    void destroyingTwiceSucceeds() {
        AgentSpec spec = aSpec(1);
        runtime().ensure(spec);

        runtime().destroy(spec.client());

        assertThatCode(() -> runtime().destroy(spec.client())).doesNotThrowAnyException();
    }

    @Test
    void diagnosingAnAbsentAgentReportsAbsentNotAnError() {
        ClientId neverCreated = aSpec(1).client();

        Diagnostics diagnostics = runtime().diagnose(neverCreated, 10, Optional.empty());

        assertThat(diagnostics.health().state()).isEqualTo(HealthState.ABSENT);
        assertThat(diagnostics.health().running()).isFalse();
        assertThat(diagnostics.logs()).isEmpty();
    }

    @Test
    void diagnosingARunningAgentReportsItRunningWithItsLogs() {
        AgentSpec spec = aSpec(1);
        runtime().ensure(spec);
        awaitReady(spec);

        Diagnostics diagnostics = await().alias("a running agent has logged its start")
                .until(() -> runtime().diagnose(spec.client(), 50, Optional.empty()), d -> !d.logs().isEmpty());

        assertThat(diagnostics.health().running()).isTrue();
        assertThat(diagnostics.health().state()).isEqualTo(HealthState.HEALTHY);
        assertThat(diagnostics.health().image()).as("image").isNotBlank();
        assertThat(diagnostics.health().uptime()).as("uptime of a running agent").isPresent();
        assertThat(diagnostics.health().exitCode()).as("exit code of a running agent").isEmpty();
    }

    @Test
    void diagnoseReturnsAtMostTheRequestedTailOfTheLog() {
        AgentSpec spec = aSpec(1);
        runtime().ensure(spec);
        awaitReady(spec);
        await().until(() -> !runtime().diagnose(spec.client(), 50, Optional.empty()).logs().isEmpty());

        assertThat(runtime().diagnose(spec.client(), 1, Optional.empty()).logs()).hasSize(1);
    }

    @Test
    void diagnosingAKilledAgentReportsItNotRunning() {
        AgentSpec spec = aSpec(1);
        runtime().ensure(spec);
        awaitReady(spec);
        assumeFalse(restartsKilledAgents(), "this runtime restarts killed agents on its own, so it cannot be caught"
                + " dead reliably; observeListsAKilledAgentInsteadOfHidingIt checks the counted restart instead");

        killOutsideSteward(spec.client());

        Diagnostics diagnostics = await().alias("killed agent diagnosed as not running")
                .until(() -> runtime().diagnose(spec.client(), 10, Optional.empty()), d -> !d.health().running());
        assertThat(diagnostics.health().state()).isEqualTo(HealthState.NOT_RUNNING);
        assertThat(diagnostics.health().exitCode()).as("exit code of a killed agent").isPresent();
    }
}

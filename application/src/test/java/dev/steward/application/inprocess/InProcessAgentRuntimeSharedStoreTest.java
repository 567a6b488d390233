package dev.steward.application.inprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.spy;

import dev.steward.application.agent.AgentReasoning;
import dev.steward.application.agent.message.AgentConfiguration;
import dev.steward.application.agent.message.Assignment;
import dev.steward.application.agent.message.PostedNote;
import dev.steward.application.agent.message.SessionOutcome;
import dev.steward.application.agent.message.TicketPost;
import dev.steward.application.agent.message.ToolAnswer;
import dev.steward.application.agent.message.ToolRequest;
import dev.steward.application.inmemory.InMemoryAgentCheckIns;
import dev.steward.application.inmemory.InMemoryAgentPlacements;
import dev.steward.application.inmemory.InMemoryInstanceRegistry;
import dev.steward.application.inmemory.InMemoryMetricsRecorder;
import dev.steward.application.inmemory.InMemoryUnitOfWork;
import dev.steward.application.lifecycle.InstancePresence;
import dev.steward.application.port.agent.ControlPlane;
import dev.steward.application.port.runtime.AgentCheckIns;
import dev.steward.application.port.runtime.AgentSpec;
import dev.steward.application.port.runtime.InstanceRegistry;
import dev.steward.application.port.runtime.ObservedAgent;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.testkit.IdleControlPlane;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.client.Slug;
import dev.steward.domain.msp.MspId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two control planes on one store (here the in-memory one, shared the way PostgreSQL is): each client's agent runs on
 * exactly one of them, each sees the other's agents, and an instance that loses the store gives its agents up
 * before the other takes them over.
 */
class InProcessAgentRuntimeSharedStoreTest {

    private static final Duration TAKE_OVER = Duration.ofSeconds(30);

    private final Clock clock = Clock.systemUTC();
    private final InMemoryUnitOfWork store = new InMemoryUnitOfWork();
    private final InMemoryInstanceRegistry registry = new InMemoryInstanceRegistry(clock);
    private final InMemoryAgentPlacements placements = new InMemoryAgentPlacements(store, registry);
    private final InMemoryAgentCheckIns checkIns = new InMemoryAgentCheckIns();
    /** Instance A's view of the registry: the test makes its heartbeats fail, as a lost network would. */
    private final InstanceRegistry registryOfA = spy(registry);
    private final InstancePresence presenceA = new InstancePresence(registryOfA);
    private final InstancePresence presenceB = new InstancePresence(registry);
    private final InProcessAgentRuntime a = new InProcessAgentRuntime(clock, this::connect, AgentReasoning.runbooks(),
            new InProcessAgentRuntime.Shared(checkIns, placements, registryOfA, presenceA, store,
                    new InMemoryMetricsRecorder()));
    private final InProcessAgentRuntime b = new InProcessAgentRuntime(clock, this::connect, AgentReasoning.runbooks(),
            new InProcessAgentRuntime.Shared(checkIns, placements, registry, presenceB, store,
                    new InMemoryMetricsRecorder()));
    private final MspId msp = new MspId(UUID.randomUUID());

    /**
     * The agent API both instances serve, as far as idle agents use it: the configuration version is the one placed
     * in the shared store, and check-ins land in the shared store.
     */
    private ControlPlane connect(AgentSpec spec) {
        IdleControlPlane idle = new IdleControlPlane(spec);
        return new ControlPlane() {
            @Override
            public AgentConfiguration configuration() {
                AgentConfiguration started = idle.configuration();
                return new AgentConfiguration(started.client(), started.msp(), started.slug(), placed(),
                        started.mode(), started.prompt(), started.tools(), started.psa(), started.reasoner(),
                        started.workflows());
            }

            private long placed() {
                return placements.find(spec.client()).map(p -> p.configVersion()).orElse(spec.configVersion());
            }

            @Override
            public OptionalLong checkIn(long configVersion) {
                checkIns.record(new AgentCheckIns.CheckIn(spec.client(), configVersion, clock.instant()));
                return OptionalLong.of(placed());
            }

            @Override
            public Optional<Assignment> take(UUID instance, Duration wait) {
                return idle.take(instance, wait);
            }

            @Override
            public boolean renew(Assignment work) {
                return idle.renew(work);
            }

            @Override
            public boolean complete(Assignment work, SessionOutcome outcome) {
                return idle.complete(work, outcome);
            }

            @Override
            public ToolAnswer callTool(UUID session, ToolRequest request) {
                return idle.callTool(session, request);
            }

            @Override
            public PostedNote post(UUID session, TicketPost post) {
                return idle.post(session, post);
            }

            @Override
            public String model(UUID session, String request) {
                return idle.model(session, request);
            }
        };
    }

    private AgentSpec spec(String slug, long version) {
        return new AgentSpec(new ClientId(UUID.nameUUIDFromBytes(slug.getBytes())), msp, new Slug(slug), version);
    }

    private void startBoth() {
        presenceA.start();
        presenceB.start();
        a.start();
        b.start();
    }

    @AfterEach
    void stopBoth() {
        a.close();
        b.close();
        presenceA.stop();
        presenceB.stop();
    }

    @Test
    void anAgentPlacedByOneInstanceRunsThereOnlyAndTheOtherSeesIt() {
        startBoth();
        AgentSpec acme = spec("acme", 1);

        assertThat(a.ensure(acme).state()).isEqualTo(ObservedAgent.State.READY);
        ObservedAgent fromB = b.ensure(acme);

        assertThat(fromB.state()).isEqualTo(ObservedAgent.State.READY);
        assertThat(fromB.detail()).contains(presenceA.id().toString());
        assertThat(b.observe()).extracting(ObservedAgent::client).containsExactly(acme.client());
        assertThat(a.runningHere() + b.runningHere()).as("agents running for one client").isEqualTo(1);
        assertThat(a.runningHere()).isEqualTo(1);
    }

    @Test
    void aNewVersionEnsuredByTheOtherInstanceReachesTheAgentWhereItRuns() {
        startBoth();
        a.ensure(spec("acme", 1));

        assertThat(b.ensure(spec("acme", 2)).configVersion()).isEqualTo(2);

        await().atMost(TAKE_OVER).untilAsserted(() -> assertThat(checkIns.latest(spec("acme", 2).client()))
                .hasValueSatisfying(checkIn -> assertThat(checkIn.runningConfigVersion()).isEqualTo(2)));
        assertThat(a.runningHere() + b.runningHere()).isEqualTo(1);
    }

    @Test
    void anInstanceThatLosesTheStoreStopsItsAgentsAndTheOtherTakesThemOverWithinFifteenSeconds() {
        startBoth();
        List<AgentSpec> specs = List.of(spec("one", 1), spec("two", 1), spec("three", 1));
        specs.forEach(a::ensure);
        assertThat(a.runningHere()).isEqualTo(3);

        doThrow(PortFailure.retryable("database", "connection refused", null))
                .when(registryOfA).heartbeat(any(), anyString());
        long lost = System.nanoTime();

        await().atMost(TAKE_OVER).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(a.runningHere()).as("A gave its agents up").isZero();
            assertThat(b.runningHere()).as("B runs them").isEqualTo(3);
        });
        assertThat(Duration.ofNanos(System.nanoTime() - lost)).isLessThan(Duration.ofSeconds(15));
        assertThat(b.observe()).allSatisfy(agent -> assertThat(agent.state()).isEqualTo(ObservedAgent.State.READY));
    }

    @Test
    void whileTheOwnerIsGoneItsAgentsAreReportedStartingNotMissing() {
        a.ensure(spec("acme", 1)); // A never heartbeats: as if it died right after placing the agent
        presenceB.start();

        assertThat(b.observe()).singleElement().satisfies(agent -> {
            assertThat(agent.state()).isEqualTo(ObservedAgent.State.STARTING);
            assertThat(agent.detail()).contains("another one takes it over");
        });
    }

    @Test
    void destroyingOnEitherInstanceStopsTheAgentWhereItRuns() {
        startBoth();
        a.ensure(spec("acme", 1));

        b.destroy(spec("acme", 1).client());

        await().atMost(TAKE_OVER).until(() -> a.runningHere() == 0);
        assertThat(a.observe()).isEmpty();
    }
}

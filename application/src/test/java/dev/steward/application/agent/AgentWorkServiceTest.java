package dev.steward.application.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atMost;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.steward.application.agent.message.Assignment;
import dev.steward.application.id.TimeOrderedIdGenerator;
import dev.steward.application.inmemory.InMemoryAgentApi;
import dev.steward.application.inmemory.InMemoryAgentCheckIns;
import dev.steward.application.inmemory.InMemoryClientRepository;
import dev.steward.application.inmemory.InMemoryMspRepository;
import dev.steward.application.inmemory.InMemoryUnitOfWork;
import dev.steward.application.port.agent.WorkQueue;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.client.Client;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.session.AgentSession;
import dev.steward.domain.work.WorkItem;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AgentWorkServiceTest {

    private final Clock clock = Clock.systemUTC();
    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    private final InMemoryClientRepository clients = new InMemoryClientRepository(unitOfWork);
    private final InMemoryMspRepository msps = new InMemoryMspRepository(unitOfWork);
    /** The store both control planes share (and the first control plane, whose signals the second never gets). */
    private final InMemoryAgentApi store = new InMemoryAgentApi(clock, unitOfWork, clients, msps,
            new InMemoryAgentCheckIns());

    @Test
    void waitingPollsReadTheStoreOnceEachAndOneSweepLooksForAllOfThem() throws Exception {
        // the store, counted: a waiting poll used to re-read it every second, each on its own
        WorkQueue queue = mock(WorkQueue.class, delegatesTo(store.work));
        AgentWorkService service = new AgentWorkService(queue, store.sessions, clients, store.approvals,
                store.effects, store.activity, new WorkArrivals(), unitOfWork, new TimeOrderedIdGenerator(clock), clock,
                new WorkTiming(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofMillis(100)));
        Msp msp = msps.add(Fixtures.anMsp());
        List<AgentIdentity> agents = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Client client = clients.add(Fixtures.aClient().inMsp(msp).active().build());
            agents.add(new AgentIdentity(client.id(), msp.id(), client.slug()));
        }

        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Optional<Assignment>>> polls = agents.stream().map(agent -> CompletableFuture
                    .supplyAsync(() -> service.take(agent, new TimeOrderedIdGenerator(clock).next(),
                            Duration.ofMillis(800)), threads)).toList();
            for (CompletableFuture<Optional<Assignment>> poll : polls) {
                assertThat(poll.get(10, TimeUnit.SECONDS)).isEmpty();
            }
        }
        verify(queue, times(50)).take(any(), any(), any(), any()); // one look each, none when it timed out
        verify(queue, atMost(12)).waitingByClient(any(), any()); // ~8 sweeps of 100 ms, for all 50 at once
    }

    @Test
    void workQueuedByAnotherControlPlaneReachesAWaitingPollWithinOneSweepNotItsOwnRecheck() throws Exception {
        WorkArrivals arrivals = new WorkArrivals();
        AgentWorkService second = new AgentWorkService(store.work, store.sessions, clients, store.approvals,
                store.effects, store.activity, arrivals, unitOfWork, new TimeOrderedIdGenerator(clock), clock,
                new WorkTiming(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofMillis(100)));
        Msp msp = msps.add(Fixtures.anMsp());
        Client client = clients.add(Fixtures.aClient().inMsp(msp).active().build());
        AgentSession session = store.sessions.addIfAbsent(AgentSession.start(UUID.randomUUID(), client.id(),
                AgentSession.Channel.TICKET, "51001", "dana@contoso.example", EffectiveMode.PLAN, 1, clock.instant()));
        AgentIdentity agent = new AgentIdentity(client.id(), msp.id(), client.slug());

        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<Optional<Assignment>> poll = CompletableFuture.supplyAsync(() -> second.take(agent,
                    new TimeOrderedIdGenerator(clock).next(), Duration.ofSeconds(20)), threads);
            await().atMost(Duration.ofSeconds(5)).until(() -> arrivals.awaited().contains(client.id()));
            long queued = System.nanoTime();
            unitOfWork.run(() -> store.work.add(WorkItem.newTicket(UUID.randomUUID(), msp.id(), client.id(),
                    session.id(), 1, "the printer is offline", clock.instant())));

            Optional<Assignment> taken = poll.get(15, TimeUnit.SECONDS);
            assertThat(taken).as("the poll got the item").isPresent();
            assertThat(Duration.ofNanos(System.nanoTime() - queued)).as("within a few sweeps, not the 1 h re-check")
                    .isLessThan(Duration.ofSeconds(3));
            assertThat(arrivals.awaited()).as("the answered poll no longer waits").isEmpty();
        }
    }
}

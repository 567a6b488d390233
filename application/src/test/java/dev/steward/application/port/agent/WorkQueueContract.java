package dev.steward.application.port.agent;

import static dev.steward.application.testkit.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.id.TimeOrderedIdGenerator;
import dev.steward.application.port.agent.WorkQueue;
import dev.steward.application.testkit.StoreContractSupport;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.work.WorkItem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Every {@link WorkQueue} must pass this: one test per rule of the port's Javadoc. */
public abstract class WorkQueueContract extends StoreContractSupport {

    private static final Duration LEASE = Duration.ofSeconds(30);

    protected abstract WorkQueue queue();

    private final TimeOrderedIdGenerator runs = new TimeOrderedIdGenerator(java.time.Clock.systemUTC());
    private final UUID agent = runs.next();

    private Client client() {
        return storedClient(storedMsp());
    }

    private static WorkItem item(Client client, UUID session, int n) {
        return WorkItem.newTicket(UUID.randomUUID(), client.msp(), client.id(), session, n, "request " + n,
                T0.plusSeconds(n));
    }

    private static WorkItem item(Client client, int n) {
        return item(client, UUID.randomUUID(), n);
    }

    @Test
    void takesTheOldestItemFirstAndOneAtATime() {
        Client client = client();
        WorkItem first = item(client, 1);
        WorkItem second = item(client, 2);
        queue().add(first);
        queue().add(second);

        WorkQueue.Leased taken = queue().take(client.id(), agent, T0, LEASE).orElseThrow();

        assertThat(taken.item()).isEqualTo(first);
        assertThat(taken.delivery()).isEqualTo(1);
        assertThat(taken.until()).isEqualTo(T0.plus(LEASE));
        assertThat(queue().take(client.id(), agent, T0.plusSeconds(1), LEASE))
                .as("the next item waits until the first is completed: in order, one at a time").isEmpty();
        assertThat(queue().complete(client.id(), first.id(), taken.lease())).contains(first);
        assertThat(queue().take(client.id(), agent, T0.plusSeconds(2), LEASE).orElseThrow().item())
                .isEqualTo(second);
    }

    @Test
    void addsOneItemPerClientAndKeyEver() {
        Client client = client();
        UUID session = UUID.randomUUID();
        WorkItem item = item(client, session, 1);
        assertThat(queue().add(item)).isTrue();

        assertThat(queue().add(item(client, session, 1))).as("the same key, waiting").isFalse();
        WorkQueue.Leased taken = queue().take(client.id(), agent, T0, LEASE).orElseThrow();
        queue().complete(client.id(), item.id(), taken.lease());
        assertThat(queue().add(item(client, session, 1))).as("the same key, finished").isFalse();
        assertThat(queue().take(client.id(), agent, T0, LEASE)).isEmpty();
        Client other = client();
        assertThat(queue().add(item(other, session, 1))).as("another client's item with that key").isTrue();
    }

    @Test
    void neverHandsOutAnotherClientsItem() {
        Client mine = client();
        Client theirs = client();
        queue().add(item(theirs, 1));

        assertThat(queue().take(mine.id(), agent, T0, LEASE)).isEmpty();
        assertThat(queue().take(theirs.id(), UUID.randomUUID(), T0, LEASE)).isPresent();
    }

    @Test
    void deliversAnItemAgainOnceItsLeaseExpiredCountingDeliveries() {
        Client client = client();
        WorkItem item = item(client, 1);
        queue().add(item);
        WorkQueue.Leased first = queue().take(client.id(), agent, T0, LEASE).orElseThrow();

        assertThat(queue().take(client.id(), agent, T0.plus(LEASE).minusMillis(1), LEASE)).isEmpty();
        WorkQueue.Leased again = queue().take(client.id(), agent, T0.plus(LEASE), LEASE).orElseThrow();

        assertThat(again.item()).isEqualTo(item);
        assertThat(again.delivery()).isEqualTo(2);
        assertThat(again.lease()).isNotEqualTo(first.lease());
        assertThat(queue().complete(client.id(), item.id(), first.lease())).as("the expired lease is lost").isEmpty();
    }

    @Test
    void aNewAgentInstanceTakesOverAnItemLeasedToAnEarlierOne() {
        Client client = client();
        WorkItem item = item(client, 1);
        queue().add(item);
        WorkQueue.Leased earlier = queue().take(client.id(), agent, T0, LEASE).orElseThrow();

        UUID restarted = runs.next();
        WorkQueue.Leased taken = queue().take(client.id(), restarted, T0.plusSeconds(1), LEASE).orElseThrow();

        assertThat(taken.item()).isEqualTo(item);
        assertThat(taken.holder()).isEqualTo(restarted);
        assertThat(taken.delivery()).isEqualTo(2);
        assertThat(queue().renew(client.id(), item.id(), earlier.lease(), T0.plusSeconds(2), LEASE)).isFalse();
        assertThat(queue().take(client.id(), agent, T0.plusSeconds(2), LEASE))
                .as("the earlier run (a container still stopping) does not take it back").isEmpty();
        assertThat(queue().take(client.id(), agent, T0.plusSeconds(1).plus(LEASE), LEASE)).as("once the later "
                + "run's lease expired, it does").hasValueSatisfying(again -> assertThat(again.delivery()).isEqualTo(3));
    }

    @Test
    void renewsOnlyTheCurrentLease() {
        Client client = client();
        WorkItem item = item(client, 1);
        queue().add(item);
        WorkQueue.Leased taken = queue().take(client.id(), agent, T0, LEASE).orElseThrow();

        assertThat(queue().renew(client.id(), item.id(), taken.lease(), T0.plusSeconds(20), LEASE)).isTrue();
        assertThat(queue().take(client.id(), agent, T0.plus(LEASE).plusSeconds(1), LEASE))
                .as("renewed until 20 s + lease").isEmpty();
        assertThat(queue().renew(client.id(), item.id(), UUID.randomUUID(), T0, LEASE)).isFalse();
        assertThat(queue().renew(client().id(), item.id(), taken.lease(), T0, LEASE))
                .as("another client cannot renew it").isFalse();
    }

    @Test
    void aCompletedItemIsNeverDeliveredAgainAndCompletesOnce() {
        Client client = client();
        WorkItem item = item(client, 1);
        queue().add(item);
        WorkQueue.Leased taken = queue().take(client.id(), agent, T0, LEASE).orElseThrow();

        assertThat(queue().complete(client().id(), item.id(), taken.lease())).as("not another client's").isEmpty();
        assertThat(queue().complete(client.id(), item.id(), taken.lease())).contains(item);
        assertThat(queue().complete(client.id(), item.id(), taken.lease())).isEmpty();
        assertThat(queue().take(client.id(), UUID.randomUUID(), T0.plus(Duration.ofDays(1)), LEASE)).isEmpty();
    }

    @Test
    void finishesEveryUnfinishedItemOfASession() {
        Client client = client();
        UUID session = UUID.randomUUID();
        WorkItem start = item(client, session, 1);
        WorkItem followUp = WorkItem.followUp(UUID.randomUUID(), client.msp(), client.id(), session, "psa", "7",
                "still broken", "help", T0);
        WorkItem otherSession = item(client, 3);
        queue().add(start);
        queue().add(followUp);
        queue().add(otherSession);
        queue().take(client.id(), agent, T0, LEASE).orElseThrow();

        assertThat(queue().finishSession(client.id(), session)).isEqualTo(2);
        assertThat(queue().take(client.id(), UUID.randomUUID(), T0, LEASE).orElseThrow().item())
                .isEqualTo(otherSession);
    }

    @Test
    void countsWaitingItemsThatNoLiveLeaseHolds() {
        Client client = client();
        queue().add(item(client, 1));
        queue().add(item(client, 2));
        queue().add(item(client(), 3));
        assertThat(queue().waiting(client.id(), T0)).isEqualTo(2);

        queue().take(client.id(), agent, T0, LEASE);

        assertThat(queue().waiting(client.id(), T0.plusSeconds(1))).isEqualTo(1);
        assertThat(queue().waiting(client.id(), T0.plus(LEASE))).as("an expired lease waits again").isEqualTo(2);
    }

    @Test
    void countsWaitingItemsOfSeveralClientsAtOnceWithEveryAskedClientAnswered() {
        Client busy = client();
        Client leased = client();
        Client idle = client();
        Client notAsked = client();
        queue().add(item(busy, 1));
        queue().add(item(busy, 2));
        queue().add(item(leased, 3));
        queue().add(item(leased, 4));
        queue().add(item(notAsked, 5));
        queue().take(leased.id(), agent, T0, LEASE);

        Map<ClientId, Integer> counts = queue().waitingByClient(List.of(busy.id(), leased.id(), idle.id()),
                T0.plusSeconds(1));

        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(busy.id(), 2, leased.id(), 1, idle.id(), 0));
        assertThat(queue().waitingByClient(List.of(leased.id()), T0.plus(LEASE)))
                .as("an expired lease waits again").containsExactlyEntriesOf(Map.of(leased.id(), 2));
        assertThat(queue().waitingByClient(List.of(), T0)).isEmpty();
    }

    /** Totals span every client of the store, so the test compares with what was there before it (other tests'). */
    @Test
    void totalsCountUnfinishedItemsOfEveryClientAsWaitingOrInFlight() {
        WorkQueue.Totals before = queue().totals(T0.plusSeconds(1));
        Client client = client();
        queue().add(item(client, 1));
        queue().add(item(client, 2));
        queue().add(item(client(), 3));
        WorkQueue.Leased taken = queue().take(client.id(), agent, T0, LEASE).orElseThrow();

        WorkQueue.Totals during = queue().totals(T0.plusSeconds(1));
        assertThat(during.waiting() - before.waiting()).isEqualTo(2);
        assertThat(during.inFlight() - before.inFlight()).isEqualTo(1);

        queue().complete(client.id(), taken.item().id(), taken.lease());
        WorkQueue.Totals after = queue().totals(T0.plusSeconds(1));
        assertThat(after.waiting() - before.waiting()).isEqualTo(2);
        assertThat(after.inFlight() - before.inFlight()).as("a completed item is no longer counted").isZero();
    }

    @Test
    void ofConcurrentTakesExactlyOneGetsAnItemAndItIsTheOldest() throws Exception {
        Client client = client();
        WorkItem first = item(client, 1);
        queue().add(first);
        queue().add(item(client, 2));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Optional<WorkQueue.Leased>>> takers = IntStream.range(0, 8)
                    .<Callable<Optional<WorkQueue.Leased>>>mapToObj(i -> () -> unitOfWork().inTransaction(() ->
                            queue().take(client.id(), agent, T0, LEASE))).toList();
            List<WorkQueue.Leased> taken = pool.invokeAll(takers).stream().map(WorkQueueContract::get)
                    .flatMap(Optional::stream).toList();
            assertThat(taken).as("eight takes at once: exactly one may get an item, the oldest (never the next one "
                    + "while the oldest is leased)").singleElement().satisfies(t -> assertThat(t.item())
                    .isEqualTo(first));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void forgetsAnAddInAUnitOfWorkThatFails() {
        Client client = client();
        WorkItem item = item(client, 1);

        assertThatThrownBy(() -> unitOfWork().run(() -> {
            queue().add(item);
            throw new IllegalStateException("the use case failed");
        })).hasMessage("the use case failed");

        assertThat(queue().take(client.id(), agent, T0, LEASE)).isEmpty();
        assertThat(queue().add(item)).isTrue();
    }

    @Test
    void keepsEveryKindOfWorkAsAdded() {
        Client client = client();
        UUID session = UUID.randomUUID();
        List<WorkItem> items = List.of(item(client, session, 1),
                WorkItem.followUp(UUID.randomUUID(), client.msp(), client.id(), session, "halopsa", "42",
                        "ümlaut \"quoted\"\nsecond line", "the request", T0.plusSeconds(5)),
                WorkItem.approvalDecided(UUID.randomUUID(), client.msp(), client.id(), session, UUID.randomUUID(),
                        T0.plusSeconds(6)));
        items.forEach(queue()::add);

        for (WorkItem expected : items) {
            WorkQueue.Leased taken = queue().take(client.id(), agent, T0.plusSeconds(10), LEASE).orElseThrow();
            assertThat(taken.item()).isEqualTo(expected);
            queue().complete(client.id(), expected.id(), taken.lease());
        }
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

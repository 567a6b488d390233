package dev.steward.application.port.agent;

import dev.steward.domain.client.ClientId;
import dev.steward.domain.work.WorkItem;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Each client's waiting work, handed to the client's agent at least once, one item at a time, in the order it was
 * added. Rules ({@code WorkQueueContract} checks each):
 * <ul>
 *   <li>{@link #add}: one item per client and key, ever: adding a key the client already has (waiting, leased or
 *       finished) changes nothing and returns false. Part of the caller's unit of work.</li>
 *   <li>{@link #take}: the client's oldest unfinished item, leased to {@code holder} until {@code now + lease}, its
 *       delivery counted. Nothing while that item is under a live lease of the same holder (one at a time, in order).
 *       An item whose lease expired is handed out again, and so is one leased to an earlier holder: holders are
 *       time-ordered ids (UUIDv7, one per run of the agent), and a later run asking means the earlier one is gone or
 *       being replaced. An earlier holder never takes an item back from a later one (an old container that is still
 *       stopping while its replacement starts would otherwise trade the item back and forth). Never another
 *       client's item; of two concurrent takers exactly one gets it.</li>
 *   <li>{@link #renew} and {@link #complete} act only for the item's current lease; a lost lease answers false and
 *       changes nothing. A completed item is never handed out again.</li>
 *   <li>{@link #finishSession} finishes every unfinished item of a session, leased or not (its ticket closed).</li>
 *   <li>{@link #waiting}: unfinished items not under a live lease; {@link #waitingByClient} counts the same for
 *       several clients at once (one query, for lists), with every asked client in the answer, 0 when none waits.</li>
 * </ul>
 */
public interface WorkQueue {

    /** An item handed to an agent: the lease that proves it holds it, until when, and which delivery this is. */
    record Leased(WorkItem item, UUID lease, UUID holder, Instant until, int delivery) {
        public Leased {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(lease, "lease");
            Objects.requireNonNull(holder, "holder");
            Objects.requireNonNull(until, "until");
            if (delivery < 1) {
                throw new IllegalArgumentException("deliveries count from 1");
            }
        }
    }

    /** @return whether the item was added (false: the client already has an item with this key) */
    boolean add(WorkItem item);

    Optional<Leased> take(ClientId client, UUID holder, Instant now, Duration duration);

    /**
     * Extends the lease of the client's item to {@code now + duration}.
     *
     * @return false when {@code lease} is not the item's current lease
     */
    boolean renew(ClientId client, UUID item, UUID lease, Instant now, Duration duration);

    /** @return the finished item; empty when {@code lease} is not its current lease (nothing changes then) */
    Optional<WorkItem> complete(ClientId client, UUID item, UUID lease);

    /** @return how many items were finished */
    int finishSession(ClientId client, UUID session);

    int waiting(ClientId client, Instant now);

    /** {@link #waiting} for each of {@code clients}, in one query: every asked client is a key, 0 when none waits. */
    Map<ClientId, Integer> waitingByClient(Collection<ClientId> clients, Instant now);

    /** Unfinished items across every client: waiting for their agent, and held under a lease now (for metrics). */
    record Totals(long waiting, long inFlight) {}

    Totals totals(Instant now);
}

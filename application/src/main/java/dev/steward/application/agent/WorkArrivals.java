package dev.steward.application.agent;

import dev.steward.domain.client.ClientId;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes an agent's long poll the moment work for its client is queued on this control plane, so an idle agent takes
 * new work within milliseconds instead of at its next poll. It also knows which clients' polls are waiting
 * ({@link #awaited()}), so work queued by another control plane sharing the database is found by one sweep of the
 * store for all of them ({@link AgentWorkService}) rather than by each poll. One instance per process.
 */
public final class WorkArrivals {

    private static final class Signal {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition arrived = lock.newCondition();
        private final AtomicInteger waiters = new AtomicInteger();
        private long generation;
    }

    /** A poll that waits for its client's work until closed; see {@link #waiting}. */
    public interface Waiting extends AutoCloseable {
        @Override
        void close();
    }

    private final Map<ClientId, Signal> signals = new ConcurrentHashMap<>();

    /** The client's current generation: pass it to {@link #await} so a signal in between is not missed. */
    public long generation(ClientId client) {
        Signal signal = signalOf(client);
        signal.lock.lock();
        try {
            return signal.generation;
        } finally {
            signal.lock.unlock();
        }
    }

    /** Work for {@code client} was queued (call after the queuing committed). */
    public void signal(ClientId client) {
        Signal signal = signalOf(client);
        signal.lock.lock();
        try {
            signal.generation++;
            signal.arrived.signalAll();
        } finally {
            signal.lock.unlock();
        }
    }

    /** Counts a poll for {@code client} among the {@link #awaited()} ones until the answer is closed. */
    public Waiting waiting(ClientId client) {
        Signal signal = signalOf(client);
        signal.waiters.incrementAndGet();
        return signal.waiters::decrementAndGet;
    }

    /** The clients for which at least one poll is {@link #waiting} now. */
    public Set<ClientId> awaited() {
        Set<ClientId> awaited = new HashSet<>();
        signals.forEach((client, signal) -> {
            if (signal.waiters.get() > 0) {
                awaited.add(client);
            }
        });
        return awaited;
    }

    /**
     * Waits until work for {@code client} is signalled after {@code seen}, or {@code timeout} passes.
     *
     * @return whether a signal came
     */
    public boolean await(ClientId client, long seen, Duration timeout) throws InterruptedException {
        Signal signal = signalOf(client);
        long nanos = timeout.toNanos();
        signal.lock.lock();
        try {
            while (signal.generation == seen) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = signal.arrived.awaitNanos(nanos);
            }
            return true;
        } finally {
            signal.lock.unlock();
        }
    }

    private Signal signalOf(ClientId client) {
        return signals.computeIfAbsent(client, c -> new Signal());
    }
}

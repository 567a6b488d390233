package dev.steward.application.agent;

import dev.steward.domain.client.ClientId;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes an agent's long poll the moment work for its client is queued on this control plane, so an idle agent takes
 * new work within milliseconds instead of at its next poll. Work queued by another control plane sharing the
 * database is found by the poll's periodic re-check ({@link AgentWorkService}). One instance per process.
 */
public final class WorkArrivals {

    private static final class Signal {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition arrived = lock.newCondition();
        private long generation;
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

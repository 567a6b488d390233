package dev.steward.application.lifecycle;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Work done again and again on one virtual thread until stopped: the reconciler's passes, PSA polling, an agent's
 * heartbeat. Each turn says how long to wait before the next one (or that the task is finished); a turn that throws
 * is logged and the task goes on after {@code afterFailure}, so one bad turn never ends the loop. {@link #wake()} starts
 * the next turn at once (or right after the one in progress), so work that arrives between turns need not wait out
 * the period. {@link #close()} wakes the waiting thread at once and waits for a turn in progress to finish;
 * {@link #cancel()} interrupts it.
 */
public final class PeriodicTask implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PeriodicTask.class.getName());
    private static final Duration JOIN = Duration.ofSeconds(10);

    /** One turn of the work. */
    @FunctionalInterface
    public interface Turn {
        /** @return how long to wait before the next turn, or empty when the task is finished */
        Optional<Duration> run() throws InterruptedException;
    }

    private final String name;
    private final Turn turn;
    private final Duration afterFailure;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    /** Guards {@link #woken}; signalled by {@link #wake()} and {@link #close()}. */
    private final ReentrantLock pause = new ReentrantLock();
    private final Condition nudged = pause.newCondition();
    private boolean woken;
    private Thread thread;

    private PeriodicTask(String name, Turn turn, Duration afterFailure) {
        this.name = Objects.requireNonNull(name, "name");
        this.turn = Objects.requireNonNull(turn, "turn");
        this.afterFailure = positive(afterFailure);
    }

    /** {@code work} every {@code period} (measured from the end of one turn to the start of the next). */
    public static PeriodicTask every(String name, Duration period, Runnable work) {
        positive(period);
        return new PeriodicTask(name, () -> {
            work.run();
            return Optional.of(period);
        }, period);
    }

    /** Turns that choose their own pace (a back-off, a stop); a throwing turn waits {@code afterFailure}. */
    public static PeriodicTask paced(String name, Duration afterFailure, Turn turn) {
        return new PeriodicTask(name, turn, afterFailure);
    }

    /** Starts the thread; a second call does nothing. */
    public synchronized PeriodicTask start() {
        if (thread == null && stop.getCount() > 0) {
            thread = Thread.ofVirtual().name(name).start(this::loop);
        }
        return this;
    }

    private void loop() {
        try {
            while (stop.getCount() > 0) {
                Optional<Duration> wait;
                try {
                    wait = turn.run();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    LOG.log(Level.ERROR, () -> name + ": a turn failed; trying again in " + afterFailure.toMillis()
                            + " ms", e);
                    wait = Optional.of(afterFailure);
                }
                if (wait.isEmpty() || pausedUntilStopped(wait.get())) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            finished.countDown();
        }
    }

    /** Waits {@code wait}, or less when woken; wakes that came during the turn count. @return whether it was closed */
    private boolean pausedUntilStopped(Duration wait) throws InterruptedException {
        long nanos = wait.toNanos();
        pause.lock();
        try {
            while (!woken && stop.getCount() > 0 && nanos > 0) {
                nanos = nudged.awaitNanos(nanos);
            }
            woken = false;
            return stop.getCount() == 0;
        } finally {
            pause.unlock();
        }
    }

    /**
     * Starts the next turn now instead of at the end of the wait; during a turn, right after it. Several wakes before
     * the next turn make one turn. Cheap, and never blocks on a turn in progress.
     */
    public void wake() {
        pause.lock();
        try {
            woken = true;
            nudged.signalAll();
        } finally {
            pause.unlock();
        }
    }

    /** Blocks until the task finished on its own or was closed. */
    public void await() throws InterruptedException {
        synchronized (this) {
            if (thread == null) {
                return;
            }
        }
        finished.await();
    }

    /** Whether the thread runs (started, and neither finished nor closed). */
    public boolean running() {
        synchronized (this) {
            return thread != null && finished.getCount() > 0;
        }
    }

    /** Stops the task: no new turn starts; a turn in progress may finish (waited for up to 10 s). */
    @Override
    public void close() {
        stop(false);
    }

    /**
     * Stops the task and interrupts the turn in progress, then waits for it to end: for turns that may be abandoned
     * at any point because they mostly wait on something outside (an agent's long poll), so stopping never waits
     * that out.
     */
    public void cancel() {
        stop(true);
    }

    private void stop(boolean interruptTurn) {
        Thread running;
        synchronized (this) {
            stop.countDown();
            running = thread;
        }
        pause.lock();
        try {
            nudged.signalAll();
        } finally {
            pause.unlock();
        }
        if (running != null && running != Thread.currentThread()) {
            if (interruptTurn) {
                running.interrupt();
            }
            try {
                if (!running.join(JOIN)) {
                    LOG.log(Level.WARNING, "{0}: the turn in progress did not finish within {1} s", name,
                            JOIN.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Duration positive(Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a task's period must be positive (got " + duration + ")");
        }
        return duration;
    }
}

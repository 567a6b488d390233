package dev.steward.application.lifecycle;

import java.time.Duration;

/**
 * A loop of the {@link Phase#BACKGROUND} phase: one {@link PeriodicTask} that runs {@link #turn()} every period,
 * started and stopped with the control plane. {@link #close()} stops it and waits for the turn in progress.
 */
public abstract class BackgroundLoop implements Lifecycle, AutoCloseable {

    private final PeriodicTask task;

    /** @param name the loop's thread name, {@code steward-…} */
    protected BackgroundLoop(String name, Duration period) {
        this.task = PeriodicTask.every(name, period, this::turn);
    }

    /** One turn; a turn that throws is logged by the task and the next one runs as planned. */
    protected abstract void turn();

    /** Runs the next turn now (or right after the one in progress) instead of at the end of the period. */
    protected final void wake() {
        task.wake();
    }

    /** Called once the loop has stopped (no turn runs any more): for work a turn started and left running. */
    protected void stopped() {
    }

    @Override
    public final Phase phase() {
        return Phase.BACKGROUND;
    }

    @Override
    public final void start() {
        task.start();
    }

    @Override
    public final void stop() {
        task.close();
        stopped();
    }

    @Override
    public final void close() {
        stop();
    }
}

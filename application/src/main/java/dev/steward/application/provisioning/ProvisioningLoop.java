package dev.steward.application.provisioning;

import dev.steward.application.problem.PortFailure;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs the reconciler in the background: a due pass every {@code duePeriod}, a full pass every {@code fullPeriod}.
 * One virtual thread; {@link #close()} stops it and waits for the pass in progress.
 */
public final class ProvisioningLoop implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ProvisioningLoop.class.getName());

    private final ProvisioningReconciler reconciler;
    private final Duration duePeriod;
    private final Duration fullPeriod;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running;
    private Thread thread;

    @Inject
    public ProvisioningLoop(ProvisioningReconciler reconciler, ReconcilerTiming timing) {
        this.reconciler = reconciler;
        this.duePeriod = timing.duePeriod();
        this.fullPeriod = timing.fullPeriod();
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = Thread.ofVirtual().name("steward-reconciler").start(this::loop);
    }

    private void loop() {
        long nextFull = 0;
        try {
            while (running) {
                try {
                    if (System.nanoTime() - nextFull >= 0) {
                        reconciler.reconcileAll();
                        nextFull = System.nanoTime() + fullPeriod.toNanos();
                    } else {
                        reconciler.reconcileDue();
                    }
                } catch (PortFailure e) {
                    LOG.log(Level.WARNING, "reconcile pass failed: {0}", e.getMessage());
                } catch (RuntimeException e) {
                    LOG.log(Level.ERROR, "reconcile pass failed unexpectedly", e);
                }
                if (stopped.await(duePeriod.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        stopped.countDown();
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    /** How often the passes run. Defaults: due pass every 200 ms, full pass every 10 s. */
    public record ReconcilerTiming(Duration duePeriod, Duration fullPeriod) {
        public static final ReconcilerTiming DEFAULT = new ReconcilerTiming(Duration.ofMillis(200), Duration.ofSeconds(10));

        public ReconcilerTiming {
            if (duePeriod.isNegative() || duePeriod.isZero() || fullPeriod.isNegative() || fullPeriod.isZero()) {
                throw new IllegalArgumentException("reconciler periods must be positive");
            }
        }
    }
}

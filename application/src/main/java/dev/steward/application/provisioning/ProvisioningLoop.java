package dev.steward.application.provisioning;

import dev.steward.application.lifecycle.BackgroundLoop;
import dev.steward.application.problem.PortFailure;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * Runs the reconciler in the background: a due pass every {@code duePeriod}, a full pass every {@code fullPeriod}
 * (the first pass is a full one). {@link #close()} stops it and waits for the pass in progress.
 */
public final class ProvisioningLoop extends BackgroundLoop {

    private static final System.Logger LOG = System.getLogger(ProvisioningLoop.class.getName());

    private final ProvisioningReconciler reconciler;
    private final Duration fullPeriod;
    private long nextFull;
    private boolean started;

    @Inject
    public ProvisioningLoop(ProvisioningReconciler reconciler, ReconcilerTiming timing) {
        super("steward-reconciler", timing.duePeriod());
        this.reconciler = reconciler;
        this.fullPeriod = timing.fullPeriod();
    }

    @Override
    protected void turn() {
        try {
            if (!started || System.nanoTime() - nextFull >= 0) {
                started = true;
                reconciler.reconcileAll();
                nextFull = System.nanoTime() + fullPeriod.toNanos();
            } else {
                reconciler.reconcileDue();
            }
        } catch (PortFailure e) {
            LOG.log(Level.WARNING, "reconcile pass failed: {0}", e.getMessage());
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

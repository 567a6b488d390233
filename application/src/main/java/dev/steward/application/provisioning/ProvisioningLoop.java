package dev.steward.application.provisioning;

import dev.steward.application.lifecycle.BackgroundLoop;
import dev.steward.application.problem.PortFailure;
import dev.steward.domain.client.ClientId;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the reconciler in the background: a due pass every {@code duePeriod}, a full pass every {@code fullPeriod}
 * (the first pass is a full one). The passes start their clients' steps and do not wait for them
 * ({@link ProvisioningReconciler#startDue()}), so a slow engine holds up only the clients it is slow for.
 *
 * <p>It does not wait for its period when there is work now: a {@link #wakeUp wake-up} (a client created, an agent
 * that acknowledged its configuration) starts that client's step at once, and when a step ends after a pass had to
 * leave due clients out for want of room, a due pass runs at once. {@link #close()} stops it and waits (up to 10 s)
 * for the steps still running.
 */
public final class ProvisioningLoop extends BackgroundLoop implements ProvisioningWakeUp {

    private static final System.Logger LOG = System.getLogger(ProvisioningLoop.class.getName());
    private static final Duration STEPS_AT_STOP = Duration.ofSeconds(10);

    private final ProvisioningReconciler reconciler;
    private final long duePeriod;
    private final long fullPeriod;
    private final Set<ClientId> hinted = ConcurrentHashMap.newKeySet();
    private volatile boolean roomFreed;
    private long nextDue;
    private long nextFull;
    private boolean started;

    @Inject
    public ProvisioningLoop(ProvisioningReconciler reconciler, ReconcilerTiming timing) {
        super("steward-reconciler", timing.duePeriod());
        this.reconciler = reconciler;
        this.duePeriod = timing.duePeriod().toNanos();
        this.fullPeriod = timing.fullPeriod().toNanos();
        reconciler.whenRoomFrees(() -> {
            roomFreed = true;
            wake();
        });
    }

    @Override
    public void wakeUp(ClientId client) {
        hinted.add(client);
        wake();
    }

    @Override
    protected void turn() {
        try {
            List<ClientId> now = new ArrayList<>();
            for (Iterator<ClientId> next = hinted.iterator(); next.hasNext(); ) {
                now.add(next.next());
                next.remove(); // one by one: a hint added meanwhile stays for the next turn
            }
            if (!now.isEmpty()) {
                reconciler.start(now);
            }
            long time = System.nanoTime();
            if (!started || time - nextFull >= 0) {
                started = true;
                roomFreed = false;
                reconciler.startAll();
                nextFull = time + fullPeriod;
                nextDue = time + duePeriod;
            } else if (roomFreed || time - nextDue >= 0) {
                roomFreed = false;
                reconciler.startDue();
                nextDue = time + duePeriod;
            }
        } catch (PortFailure e) {
            LOG.log(Level.WARNING, "reconcile pass failed: {0}", e.getMessage());
        }
    }

    @Override
    protected void stopped() {
        if (!reconciler.awaitSteps(STEPS_AT_STOP)) {
            LOG.log(Level.WARNING, "reconcile steps still running {0} s after the loop stopped",
                    STEPS_AT_STOP.toSeconds());
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

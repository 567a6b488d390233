package dev.steward.application.lifecycle;

import dev.steward.application.port.runtime.InstanceId;
import dev.steward.application.port.runtime.InstanceRegistry;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;

/**
 * This control plane among those sharing the store: a new {@link InstanceId} at every start, a heartbeat every
 * {@link #BEAT}, and a clean leave on stop so others take over its work at once.
 *
 * <p>The timing is what keeps an agent from running twice. Others count this instance dead once its last heartbeat
 * is {@link #LIVE_WITHIN} old by the store's clock; this instance stops trusting itself ({@link #trusted()}) once
 * {@link #TRUST} has passed on its own monotonic clock since it <em>sent</em> its last heartbeat that succeeded. The
 * store stamped that heartbeat after it was sent, so others cannot count this instance dead before
 * {@code LIVE_WITHIN - TRUST} (3 s) after it stopped trusting itself: time enough to stop its agents.
 */
public final class InstancePresence implements Lifecycle {

    public static final Duration BEAT = Duration.ofSeconds(1);
    public static final Duration TRUST = Duration.ofSeconds(3);
    public static final Duration LIVE_WITHIN = Duration.ofSeconds(6);
    private static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final System.Logger LOG = System.getLogger(InstancePresence.class.getName());

    private final InstanceRegistry registry;
    private final InstanceId id = InstanceId.random();
    private final String host;
    private final PeriodicTask heartbeat;
    private volatile long lastSentAndStored = Long.MIN_VALUE;
    private volatile boolean started;
    private int beats;

    @Inject
    public InstancePresence(InstanceRegistry registry) {
        this.registry = registry;
        this.host = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost") + " (pid "
                + ProcessHandle.current().pid() + ")";
        this.heartbeat = PeriodicTask.every("steward-presence", BEAT, this::beat);
    }

    public InstanceId id() {
        return id;
    }

    /**
     * Whether this instance may run agents: it started and its last successful heartbeat was sent less than
     * {@link #TRUST} ago.
     */
    public boolean trusted() {
        return started && System.nanoTime() - lastSentAndStored < TRUST.toNanos();
    }

    /** Sends one heartbeat now (also what {@link #start} does first, so the instance is live before it acts). */
    public void beat() {
        long sent = System.nanoTime();
        try {
            registry.heartbeat(id, host);
            lastSentAndStored = sent;
            if (++beats % 60 == 0) {
                registry.purge(FORGET_AFTER);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "instance {0}: heartbeat failed ({1}); other instances take over its agents if"
                    + " this lasts {2} s", id, e.getMessage(), LIVE_WITHIN.toSeconds());
        }
    }

    @Override
    public Phase phase() {
        return Phase.PRESENCE;
    }

    @Override
    public void start() {
        started = true;
        beat();
        heartbeat.start();
        LOG.log(Level.INFO, "control-plane instance {0} on {1}", id, host);
    }

    @Override
    public void stop() {
        heartbeat.close();
        started = false;
        try {
            registry.leave(id);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "instance {0} could not leave the registry ({1}); others take over after {2} s", id,
                    e.getMessage(), LIVE_WITHIN.toSeconds());
        }
    }
}

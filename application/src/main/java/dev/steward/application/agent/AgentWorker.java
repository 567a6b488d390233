package dev.steward.application.agent;

import dev.steward.application.port.ControlPlane;
import dev.steward.application.problem.PortFailure;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The agent process's own loop: pull the configuration, switch to a new version between requests, and check in with
 * the version it runs every {@code heartbeat}. Losing the control plane is survivable: the agent keeps its last
 * configuration and retries with back-off; a refused token ends the agent (it was revoked).
 */
public final class AgentWorker implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AgentWorker.class.getName());
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final ControlPlane controlPlane;
    private final Duration heartbeat;
    private final Runnable afterCheckIn;
    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile AgentConfiguration current;

    public AgentWorker(ControlPlane controlPlane, Duration heartbeat) {
        this(controlPlane, heartbeat, () -> { });
    }

    /** @param afterCheckIn runs after every successful check-in (the container's health check watches it) */
    public AgentWorker(ControlPlane controlPlane, Duration heartbeat, Runnable afterCheckIn) {
        this.controlPlane = controlPlane;
        this.heartbeat = heartbeat;
        this.afterCheckIn = afterCheckIn;
    }

    /** Runs until {@link #close()} or until the control plane refuses the agent for good. */
    public void run() throws InterruptedException {
        int failures = 0;
        while (true) {
            Duration wait = heartbeat;
            try {
                beatOnce();
                failures = 0;
            } catch (PortFailure e) {
                if (!e.retryable()) {
                    LOG.log(Level.ERROR, "control plane refused this agent: {0}; stopping", e.getMessage());
                    return;
                }
                failures++;
                long backoff = Math.min(MAX_BACKOFF.toMillis(), heartbeat.toMillis() * (1L << Math.min(failures, 5)));
                wait = Duration.ofMillis(backoff);
                LOG.log(Level.WARNING, "control plane unreachable ({0}); retrying in {1} ms", e.getMessage(), backoff);
            }
            if (stop.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    /** One heartbeat: fetch the configuration, adopt a new version, check in with the version now running. */
    public void beatOnce() {
        AgentConfiguration latest = controlPlane.configuration();
        if (current == null || latest.version() != current.version()) {
            current = latest;
            LOG.log(Level.INFO, "agent {0} now runs configuration v{1} (mode {2}, {3} tools)", latest.slug(),
                    latest.version(), latest.mode().label(), latest.tools().size());
        }
        controlPlane.checkIn(current.version());
        afterCheckIn.run();
    }

    @Override
    public void close() {
        stop.countDown();
    }
}

package dev.steward.application.approval;

import dev.steward.application.lifecycle.Lifecycle;
import dev.steward.application.lifecycle.PeriodicTask;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * Expires approvals in the background, every {@link #PERIOD} (or sooner for a short {@link ApprovalTimeout}): one
 * {@link PeriodicTask}; {@link #close()} stops it. Several control planes may run it at once: an approval is expired
 * once (the store lets one decision win).
 */
public final class ApprovalExpiryLoop implements Lifecycle, AutoCloseable {

    static final Duration PERIOD = Duration.ofSeconds(30);
    private static final System.Logger LOG = System.getLogger(ApprovalExpiryLoop.class.getName());

    private final ExpireApprovalsUseCase expire;
    private final PeriodicTask task;

    @Inject
    public ApprovalExpiryLoop(ExpireApprovalsUseCase expire, ApprovalTimeout timeout) {
        this.expire = expire;
        Duration tenth = timeout.value().dividedBy(10);
        Duration period = tenth.compareTo(PERIOD) < 0 ? (tenth.toMillis() < 100 ? Duration.ofMillis(100) : tenth)
                : PERIOD;
        this.task = PeriodicTask.every("steward-approval-expiry", period, this::expireOnce);
    }

    private void expireOnce() {
        int expired = expire.expireDue();
        if (expired > 0) {
            LOG.log(Level.INFO, "{0} approval request(s) expired", expired);
        }
    }

    @Override
    public Phase phase() {
        return Phase.BACKGROUND;
    }

    @Override
    public void start() {
        task.start();
    }

    @Override
    public void stop() {
        task.close();
    }

    @Override
    public void close() {
        stop();
    }
}

package dev.steward.application.approval;

import dev.steward.application.lifecycle.BackgroundLoop;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * Expires approvals in the background, every {@link #PERIOD} (or sooner for a short {@link ApprovalTimeout}): a
 * {@link BackgroundLoop}; {@link #close()} stops it. Several control planes may run it at once: an approval is expired
 * once (the store lets one decision win).
 */
public final class ApprovalExpiryLoop extends BackgroundLoop {

    static final Duration PERIOD = Duration.ofSeconds(30);
    private static final System.Logger LOG = System.getLogger(ApprovalExpiryLoop.class.getName());

    private final ExpireApprovalsUseCase expire;

    @Inject
    public ApprovalExpiryLoop(ExpireApprovalsUseCase expire, ApprovalTimeout timeout) {
        super("steward-approval-expiry", periodFor(timeout));
        this.expire = expire;
    }

    /** A tenth of the timeout, so an approval expires close to its time; at most {@link #PERIOD}, at least 100 ms. */
    private static Duration periodFor(ApprovalTimeout timeout) {
        Duration tenth = timeout.value().dividedBy(10);
        return tenth.compareTo(PERIOD) < 0 ? (tenth.toMillis() < 100 ? Duration.ofMillis(100) : tenth) : PERIOD;
    }

    @Override
    protected void turn() {
        int expired = expire.expireDue();
        if (expired > 0) {
            LOG.log(Level.INFO, "{0} approval request(s) expired", expired);
        }
    }
}

package dev.steward.application.ticket;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Logs refused webhook deliveries at a bounded rate: at most {@value #PER_MINUTE} lines a minute, then one line
 * saying how many more were refused, so a flood of forged deliveries cannot flood the log. Lines carry only values
 * Steward chose or checked (the MSP id, a known kind, the verdict's reason), never the delivery's headers or body.
 */
final class RefusalLog {

    static final int PER_MINUTE = 10;
    private static final System.Logger LOG = System.getLogger(ReceiveTicketWebhookService.class.getName());

    private final Clock clock;
    private Instant windowStart = Instant.EPOCH;
    private int logged;
    private int suppressed;

    RefusalLog(Clock clock) {
        this.clock = clock;
    }

    synchronized void refused(String message, Object... arguments) {
        Instant now = clock.instant();
        if (!now.isBefore(windowStart.plus(Duration.ofMinutes(1)))) {
            if (suppressed > 0) {
                LOG.log(Level.WARNING, "{0} more webhook deliveries were refused in the last minute (not logged "
                        + "one by one)", suppressed);
            }
            windowStart = now;
            logged = 0;
            suppressed = 0;
        }
        if (logged < PER_MINUTE) {
            logged++;
            LOG.log(Level.WARNING, message, arguments);
        } else {
            suppressed++;
        }
    }
}

package dev.steward.application.metrics;

import dev.steward.application.lifecycle.BackgroundLoop;
import dev.steward.application.port.activity.MetricsRecorder;
import dev.steward.application.port.agent.ApprovalRepository;
import dev.steward.application.port.agent.WorkQueue;
import dev.steward.application.port.client.MspRepository;
import dev.steward.domain.msp.Msp;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Samples the gauges no event reports, every {@link #PERIOD} (a Prometheus scrape interval): the approval requests
 * waiting across every MSP, and the work items waiting for their agents and in flight. The other gauges are reported where they change: client counts by the reconciler's
 * full pass, agents running here by the in-process runtime's supervisor.
 */
public final class MetricsSampler extends BackgroundLoop {

    static final Duration PERIOD = Duration.ofSeconds(15);

    private final MspRepository msps;
    private final ApprovalRepository approvals;
    private final WorkQueue work;
    private final MetricsRecorder metrics;
    private final Clock clock;

    @Inject
    public MetricsSampler(MspRepository msps, ApprovalRepository approvals, WorkQueue work, MetricsRecorder metrics,
                          Clock clock) {
        super("steward-metrics", PERIOD);
        this.msps = msps;
        this.approvals = approvals;
        this.work = work;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    protected void turn() {
        sample();
    }

    /** One sample of every gauge. */
    public void sample() {
        long pending = 0;
        for (Msp msp : msps.list()) {
            pending += approvals.pending(msp.id(), Optional.empty()).size();
        }
        metrics.approvalsPending(pending);
        WorkQueue.Totals totals = work.totals(clock.instant());
        metrics.workItems(totals.waiting(), totals.inFlight());
    }
}

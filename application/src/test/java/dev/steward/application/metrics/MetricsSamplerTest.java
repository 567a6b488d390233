package dev.steward.application.metrics;

import static dev.steward.application.testkit.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.inmemory.InMemoryApprovalRepository;
import dev.steward.application.inmemory.InMemoryMetricsRecorder;
import dev.steward.application.inmemory.InMemoryMspRepository;
import dev.steward.application.inmemory.InMemoryUnitOfWork;
import dev.steward.application.inmemory.InMemoryWorkQueue;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.client.Client;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.work.WorkItem;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The gauges no event reports are sampled from the stores: pending approvals and the work items of every client. */
class MetricsSamplerTest {

    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    private final InMemoryMspRepository msps = new InMemoryMspRepository(unitOfWork);
    private final InMemoryWorkQueue work = new InMemoryWorkQueue(unitOfWork);
    private final InMemoryMetricsRecorder metrics = new InMemoryMetricsRecorder();
    private final MetricsSampler sampler = new MetricsSampler(msps, new InMemoryApprovalRepository(unitOfWork), work,
            metrics, Clock.fixed(T0.plusSeconds(10), ZoneOffset.UTC));

    @Test
    void reportsWorkItemsWaitingAndInFlightAcrossClients() {
        Msp msp = msps.add(Fixtures.anMsp());
        Client acme = Fixtures.aClient().inMsp(msp).build();
        Client initech = Fixtures.aClient().inMsp(msp).build();
        for (int n = 1; n <= 3; n++) {
            work.add(WorkItem.newTicket(UUID.randomUUID(), msp.id(), acme.id(), UUID.randomUUID(), n, "request " + n,
                    T0.plusSeconds(n)));
        }
        work.add(WorkItem.newTicket(UUID.randomUUID(), msp.id(), initech.id(), UUID.randomUUID(), 1, "request",
                T0));
        work.take(acme.id(), UUID.randomUUID(), T0.plusSeconds(5), Duration.ofMinutes(1));

        sampler.sample();

        assertThat(metrics.value("work_items", "state", "waiting")).isEqualTo(3);
        assertThat(metrics.value("work_items", "state", "in_flight")).isEqualTo(1);
        assertThat(metrics.value("approvals_pending")).isZero();
    }
}

package dev.steward.application.client;

import static dev.steward.application.testkit.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.steward.application.inmemory.InMemoryActivityLog;
import dev.steward.application.inmemory.InMemoryUnitOfWork;
import dev.steward.application.inmemory.InMemoryWorkQueue;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.activity.ActivityKind;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.activity.RedactedArguments;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.work.WorkItem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SummarizeClientActivityServiceTest {

    private final InMemoryWorkQueue queue = spy(new InMemoryWorkQueue(new InMemoryUnitOfWork()));
    private final InMemoryActivityLog activity = spy(new InMemoryActivityLog());
    private final SummarizeClientActivityService service = new SummarizeClientActivityService(queue, activity,
            Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC));
    private final MspId msp = Fixtures.uniqueMspId();

    @Test
    void summarizesEveryClientOfThePageWithTwoStoreQueriesWhateverItsLength() {
        List<ClientId> page = IntStream.range(0, 50).mapToObj(i -> new ClientId(UUID.randomUUID())).toList();
        ClientId busy = page.get(3);
        ClientId quiet = page.get(7);
        queue.add(WorkItem.newTicket(UUID.randomUUID(), msp, busy, UUID.randomUUID(), 1, "printer jammed", T0));
        queue.add(WorkItem.newTicket(UUID.randomUUID(), msp, busy, UUID.randomUUID(), 2, "vpn down", T0));
        activity.append(List.of(entry(busy, T0.plusSeconds(5)), entry(busy, T0.plusSeconds(9))));

        var summaries = service.summarize(msp, page);

        assertThat(summaries).hasSize(50);
        assertThat(summaries.get(busy)).isEqualTo(new ClientActivitySummary(2, Optional.of(T0.plusSeconds(9))));
        assertThat(summaries.get(quiet)).isEqualTo(new ClientActivitySummary(0, Optional.empty()));
        verify(queue, times(1)).waitingByClient(any(), any());
        verify(queue, never()).waiting(any(), any());
        verify(activity, times(1)).lastActivity(any(), any());
        verify(activity, never()).query(any());
    }

    private ActivityEntry entry(ClientId client, Instant at) {
        return new ActivityEntry(UUID.randomUUID(), msp, client, Optional.empty(), Optional.empty(), at,
                ActivityKind.REQUEST, Optional.empty(), RedactedArguments.NONE, ActivityOutcome.OK, "help",
                Duration.ZERO, Optional.empty());
    }
}

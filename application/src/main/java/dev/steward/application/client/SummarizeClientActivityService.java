package dev.steward.application.client;

import dev.steward.application.port.activity.ActivityLog;
import dev.steward.application.port.agent.WorkQueue;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class SummarizeClientActivityService implements SummarizeClientActivityUseCase {

    private final WorkQueue queue;
    private final ActivityLog activity;
    private final Clock clock;

    @Inject
    public SummarizeClientActivityService(WorkQueue queue, ActivityLog activity, Clock clock) {
        this.queue = queue;
        this.activity = activity;
        this.clock = clock;
    }

    @Override
    public Map<ClientId, ClientActivitySummary> summarize(MspId msp, List<ClientId> clients) {
        Map<ClientId, Integer> waiting = queue.waitingByClient(clients, clock.instant());
        Map<ClientId, Instant> last = activity.lastActivity(msp, clients);
        Map<ClientId, ClientActivitySummary> summaries = new LinkedHashMap<>();
        for (ClientId client : clients) {
            summaries.put(client, new ClientActivitySummary(waiting.getOrDefault(client, 0),
                    Optional.ofNullable(last.get(client))));
        }
        return summaries;
    }
}

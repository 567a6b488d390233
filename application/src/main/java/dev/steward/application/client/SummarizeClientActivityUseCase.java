package dev.steward.application.client;

import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.MspId;
import java.util.List;
import java.util.Map;

/**
 * The client list's extra columns for a page of clients: requests waiting and last activity per client, in a fixed
 * number of store queries however long the page is (never one per client).
 */
public interface SummarizeClientActivityUseCase {

    /** @return a summary for every one of {@code clients} */
    Map<ClientId, ClientActivitySummary> summarize(MspId msp, List<ClientId> clients);
}

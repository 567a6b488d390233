package dev.steward.adapter.web.api;

import dev.steward.application.client.ClientActivitySummary;
import dev.steward.application.client.ClientPage;
import dev.steward.application.client.ListClientsQuery;
import dev.steward.application.client.ListClientsUseCase;
import dev.steward.application.client.SummarizeClientActivityUseCase;
import dev.steward.domain.client.ClientId;
import java.util.List;
import java.util.Map;

/** A page of clients; {@code next} is the {@code after} value for the next page, null on the last page. */
public record ClientPageJson(List<ClientListItemJson> items, String next) {

    /** Lists the page {@code query} asks for, with the requests waiting and last activity of its clients. */
    public static ClientPageJson listed(ListClientsUseCase list, SummarizeClientActivityUseCase summarize,
                                        ListClientsQuery query) {
        ClientPage page = list.list(query);
        return from(page, summarize.summarize(query.msp(), page.items().stream().map(c -> c.client().id())
                .toList()));
    }

    /** {@code summaries}: the requests waiting and last activity of every client on the page. */
    public static ClientPageJson from(ClientPage page, Map<ClientId, ClientActivitySummary> summaries) {
        return new ClientPageJson(page.items().stream()
                .map(c -> ClientListItemJson.from(c, summaries.get(c.client().id())))
                .toList(), page.nextAfter().orElse(null));
    }
}

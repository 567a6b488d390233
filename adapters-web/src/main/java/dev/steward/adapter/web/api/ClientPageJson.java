package dev.steward.adapter.web.api;

import dev.steward.application.client.ClientPage;
import java.util.List;

/** A page of clients; {@code next} is the {@code after} value for the next page, null on the last page. */
public record ClientPageJson(List<ClientJson> items, String next) {

    public static ClientPageJson from(ClientPage page) {
        return new ClientPageJson(page.items().stream().map(ClientJson::from).toList(), page.nextAfter().orElse(null));
    }
}

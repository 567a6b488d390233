package dev.steward.application.client;

import java.util.List;
import java.util.Optional;

/** One page of clients; {@code nextAfter} is the cursor for the next page, empty on the last one. */
public record ClientPage(List<ClientDetails> items, Optional<String> nextAfter) {

    public ClientPage {
        items = List.copyOf(items);
    }
}

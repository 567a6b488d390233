package dev.steward.application.inmemory;

import dev.steward.application.port.store.StoreHealth;
import jakarta.inject.Inject;
import java.util.Optional;

/** An in-memory store lives in this process: while the process answers, so does the store. */
public final class InMemoryStoreHealth implements StoreHealth {

    @Inject
    public InMemoryStoreHealth() {
    }

    @Override
    public Optional<String> problem() {
        return Optional.empty();
    }
}

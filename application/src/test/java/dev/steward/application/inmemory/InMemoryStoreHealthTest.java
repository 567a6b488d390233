package dev.steward.application.inmemory;

import dev.steward.application.port.store.StoreHealth;
import dev.steward.application.port.store.StoreHealthContract;

class InMemoryStoreHealthTest extends StoreHealthContract {

    @Override
    protected StoreHealth health() {
        return new InMemoryStoreHealth();
    }
}

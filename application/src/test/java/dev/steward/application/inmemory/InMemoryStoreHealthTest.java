package dev.steward.application.inmemory;

import dev.steward.application.port.StoreHealth;
import dev.steward.application.testkit.StoreHealthContract;

class InMemoryStoreHealthTest extends StoreHealthContract {

    @Override
    protected StoreHealth health() {
        return new InMemoryStoreHealth();
    }
}

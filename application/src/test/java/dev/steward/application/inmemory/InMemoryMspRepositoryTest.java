package dev.steward.application.inmemory;

import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.client.MspRepositoryContract;
import dev.steward.application.port.store.UnitOfWork;

class InMemoryMspRepositoryTest extends MspRepositoryContract {

    private final InMemoryStores stores = new InMemoryStores();

    @Override
    protected MspRepository repository() {
        return stores.msps;
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return stores.unitOfWork;
    }
}

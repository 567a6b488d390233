package dev.steward.application.inmemory;

import dev.steward.application.port.MspRepository;
import dev.steward.application.port.UnitOfWork;
import dev.steward.application.testkit.MspRepositoryContract;

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

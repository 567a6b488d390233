package dev.steward.application.inmemory;

import dev.steward.application.port.access.UserRepository;
import dev.steward.application.port.access.UserRepositoryContract;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.store.UnitOfWork;

class InMemoryUserRepositoryTest extends UserRepositoryContract {

    private final InMemoryStores stores = new InMemoryStores();
    private final InMemoryUserRepository users = new InMemoryUserRepository(stores.unitOfWork);

    @Override
    protected MspRepository msps() {
        return stores.msps;
    }

    @Override
    protected ClientRepository clients() {
        return stores.clients;
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return stores.unitOfWork;
    }

    @Override
    protected UserRepository users() {
        return users;
    }
}

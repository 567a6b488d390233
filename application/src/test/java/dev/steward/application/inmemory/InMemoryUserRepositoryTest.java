package dev.steward.application.inmemory;

import dev.steward.application.port.UserRepository;
import dev.steward.application.port.ClientRepository;
import dev.steward.application.port.MspRepository;
import dev.steward.application.port.UnitOfWork;
import dev.steward.application.testkit.UserRepositoryContract;

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

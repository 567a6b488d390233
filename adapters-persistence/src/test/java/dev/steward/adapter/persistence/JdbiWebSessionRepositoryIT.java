package dev.steward.adapter.persistence;

import dev.steward.application.port.access.UserRepository;
import dev.steward.application.port.access.WebSessionRepository;
import dev.steward.application.port.access.WebSessionRepositoryContract;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.store.UnitOfWork;

class JdbiWebSessionRepositoryIT extends WebSessionRepositoryContract {

    private final JdbiStores stores = TestDatabase.stores();
    private final JdbiUserRepository users = new JdbiUserRepository(stores.unitOfWork());
    private final JdbiWebSessionRepository sessions = new JdbiWebSessionRepository(stores.unitOfWork());

    @Override
    protected MspRepository msps() {
        return stores.msps();
    }

    @Override
    protected ClientRepository clients() {
        return stores.clients();
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return stores.unitOfWork();
    }

    @Override
    protected WebSessionRepository sessions() {
        return sessions;
    }

    @Override
    protected UserRepository users() {
        return users;
    }
}

package dev.steward.adapter.persistence;

import dev.steward.application.port.ApiTokenRepository;
import dev.steward.application.port.ClientRepository;
import dev.steward.application.port.MspRepository;
import dev.steward.application.port.UnitOfWork;
import dev.steward.application.port.UserRepository;
import dev.steward.application.testkit.ApiTokenRepositoryContract;

class JdbiApiTokenRepositoryIT extends ApiTokenRepositoryContract {

    private final JdbiStores stores = TestDatabase.stores();
    private final JdbiUserRepository users = new JdbiUserRepository(stores.unitOfWork());
    private final JdbiApiTokenRepository tokens = new JdbiApiTokenRepository(stores.unitOfWork());

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
    protected ApiTokenRepository tokens() {
        return tokens;
    }

    @Override
    protected UserRepository users() {
        return users;
    }
}

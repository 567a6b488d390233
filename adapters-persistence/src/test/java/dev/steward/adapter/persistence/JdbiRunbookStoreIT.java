package dev.steward.adapter.persistence;

import dev.steward.application.port.ClientRepository;
import dev.steward.application.port.MspRepository;
import dev.steward.application.port.RunbookStore;
import dev.steward.application.port.UnitOfWork;
import dev.steward.application.testkit.RunbookStoreContract;

class JdbiRunbookStoreIT extends RunbookStoreContract {

    private final JdbiStores stores = TestDatabase.stores();
    private final JdbiRunbookStore runbooks = new JdbiRunbookStore(stores.unitOfWork());

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
    protected RunbookStore runbooks() {
        return runbooks;
    }
}

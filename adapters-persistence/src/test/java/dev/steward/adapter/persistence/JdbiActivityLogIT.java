package dev.steward.adapter.persistence;

import dev.steward.application.port.ActivityLog;
import dev.steward.application.port.ClientRepository;
import dev.steward.application.port.MspRepository;
import dev.steward.application.port.UnitOfWork;
import dev.steward.application.testkit.ActivityLogContract;

class JdbiActivityLogIT extends ActivityLogContract {

    private final JdbiStores stores = TestDatabase.stores();

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
    protected ActivityLog log() {
        return stores.activity();
    }
}

package dev.steward.adapter.persistence;

import dev.steward.application.port.activity.ActivityLog;
import dev.steward.application.port.activity.ActivityLogContract;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.store.UnitOfWork;

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

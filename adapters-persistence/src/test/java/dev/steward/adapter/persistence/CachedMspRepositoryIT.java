package dev.steward.adapter.persistence;

import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.client.MspRepositoryContract;
import dev.steward.application.port.store.UnitOfWork;
import java.time.Clock;

class CachedMspRepositoryIT extends MspRepositoryContract {

    private final JdbiStores stores = TestDatabase.stores();
    private final CachedMspRepository cached = new CachedMspRepository(stores.msps(), stores.unitOfWork(),
            Clock.systemUTC());

    @Override
    protected MspRepository repository() {
        return cached;
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return stores.unitOfWork();
    }
}

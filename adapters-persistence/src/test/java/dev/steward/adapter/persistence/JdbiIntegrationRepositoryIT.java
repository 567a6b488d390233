package dev.steward.adapter.persistence;

import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.integration.IntegrationRepository;
import dev.steward.application.port.integration.IntegrationRepositoryContract;
import dev.steward.application.port.store.UnitOfWork;

class JdbiIntegrationRepositoryIT extends IntegrationRepositoryContract {

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
    protected IntegrationRepository integrations() {
        return stores.integrations();
    }
}

package dev.steward.application.inmemory;

import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.integration.PendingAuthorizations;
import dev.steward.application.port.integration.PendingAuthorizationsContract;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.msp.MspId;

class InMemoryPendingAuthorizationsTest extends PendingAuthorizationsContract {

    private final InMemoryStores stores = new InMemoryStores();
    private final InMemoryPendingAuthorizations pending = new InMemoryPendingAuthorizations();

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
    protected PendingAuthorizations pending() {
        return pending;
    }

    @Override
    protected IntegrationId storedIntegration(MspId msp) {
        return new IntegrationId(java.util.UUID.randomUUID());
    }
}

package dev.steward.application.inmemory;

import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.integration.IntegrationRepository;
import dev.steward.application.port.integration.SecretVault;
import dev.steward.application.port.integration.SecretVaultContract;
import dev.steward.application.port.store.UnitOfWork;

class InMemorySecretVaultTest extends SecretVaultContract {

    private final InMemoryStores stores = new InMemoryStores();
    private final InMemorySecretVault vault = new InMemorySecretVault(stores.unitOfWork);

    @Override
    protected SecretVault vault() {
        return vault;
    }

    @Override
    protected IntegrationRepository integrations() {
        return stores.integrations;
    }

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
}

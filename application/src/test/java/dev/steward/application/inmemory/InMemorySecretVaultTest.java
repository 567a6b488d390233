package dev.steward.application.inmemory;

import dev.steward.application.port.ClientRepository;
import dev.steward.application.port.IntegrationRepository;
import dev.steward.application.port.MspRepository;
import dev.steward.application.port.SecretVault;
import dev.steward.application.port.UnitOfWork;
import dev.steward.application.testkit.SecretVaultContract;

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

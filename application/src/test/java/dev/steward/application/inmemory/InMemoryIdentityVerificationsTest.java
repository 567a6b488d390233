package dev.steward.application.inmemory;

import dev.steward.application.port.ClientRepository;
import dev.steward.application.port.IdentityVerifications;
import dev.steward.application.port.MspRepository;
import dev.steward.application.port.UnitOfWork;
import dev.steward.application.testkit.IdentityVerificationsContract;

class InMemoryIdentityVerificationsTest extends IdentityVerificationsContract {

    private final InMemoryStores stores = new InMemoryStores();

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
    protected IdentityVerifications verifications() {
        return stores.verifications;
    }
}

package dev.steward.adapter.persistence;

import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.port.verification.IdentityVerifications;
import dev.steward.application.port.verification.IdentityVerificationsContract;

class JdbiIdentityVerificationsIT extends IdentityVerificationsContract {

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
    protected IdentityVerifications verifications() {
        return new JdbiIdentityVerifications(stores.unitOfWork());
    }
}

package dev.steward.adapter.persistence;

import dev.steward.application.port.ClientRepository;
import dev.steward.application.port.PendingAuthorizations;
import dev.steward.application.port.MspRepository;
import dev.steward.application.port.UnitOfWork;
import dev.steward.application.testkit.PendingAuthorizationsContract;

class JdbiPendingAuthorizationsIT extends PendingAuthorizationsContract {

    private final JdbiStores stores = TestDatabase.stores();
    private final JdbiPendingAuthorizations pending = new JdbiPendingAuthorizations(stores.unitOfWork(),
            new SecretCipher(JdbiStores.newKey()));

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
    protected PendingAuthorizations pending() {
        return pending;
    }
}

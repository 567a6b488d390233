package dev.steward.adapter.persistence;

import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.integration.PendingAuthorizations;
import dev.steward.application.port.integration.PendingAuthorizationsContract;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.msp.MspId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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

    @Override
    protected IntegrationId storedIntegration(MspId msp) {
        return stores.integrations().add(Integration.connect(new IntegrationId(UUID.randomUUID()), msp,
                Optional.empty(), "mcp:rmm", List.of(), Map.of(), Fixtures.T0)).id();
    }
}

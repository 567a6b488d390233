package dev.steward.adapter.persistence;

import dev.steward.application.port.runtime.AgentCredentials;
import dev.steward.application.port.runtime.AgentCredentialsContract;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.Msp;

class JdbiAgentCredentialsIT extends AgentCredentialsContract {

    private final JdbiStores stores = TestDatabase.stores();
    private final JdbiAgentCredentials credentials = new JdbiAgentCredentials(stores.unitOfWork());

    @Override
    protected AgentCredentials credentials() {
        return credentials;
    }

    @Override
    protected ClientId aStoredClient() {
        Msp msp = stores.msps().add(Fixtures.anMsp());
        return stores.clients().add(Fixtures.aClient().inMsp(msp).build()).id();
    }
}

package dev.steward.adapter.persistence;

import dev.steward.application.port.runtime.AgentCheckIns;
import dev.steward.application.port.runtime.AgentCheckInsContract;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.client.Client;
import dev.steward.domain.msp.Msp;

class JdbiAgentCheckInsIT extends AgentCheckInsContract {

    private final JdbiStores stores = TestDatabase.stores();
    private final JdbiAgentCheckIns checkIns = new JdbiAgentCheckIns(stores.unitOfWork());

    @Override
    protected AgentCheckIns checkIns() {
        return checkIns;
    }

    @Override
    protected Client aStoredClient() {
        Msp msp = stores.msps().add(Fixtures.anMsp());
        return stores.clients().add(Fixtures.aClient().inMsp(msp).build());
    }
}

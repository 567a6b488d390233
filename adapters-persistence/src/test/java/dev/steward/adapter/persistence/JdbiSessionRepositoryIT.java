package dev.steward.adapter.persistence;

import dev.steward.application.port.agent.SessionRepository;
import dev.steward.application.port.agent.SessionRepositoryContract;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.Msp;

class JdbiSessionRepositoryIT extends SessionRepositoryContract {

    private final JdbiStores stores = TestDatabase.stores();
    private final JdbiSessionRepository sessions = new JdbiSessionRepository(stores.unitOfWork());

    @Override
    protected SessionRepository repository() {
        return sessions;
    }

    @Override
    protected ClientId aStoredClient() {
        Msp msp = stores.msps().add(Fixtures.anMsp());
        return stores.clients().add(Fixtures.aClient().inMsp(msp).build()).id();
    }
}

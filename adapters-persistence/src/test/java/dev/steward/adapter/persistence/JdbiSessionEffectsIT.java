package dev.steward.adapter.persistence;

import dev.steward.application.port.agent.SessionEffects;
import dev.steward.application.port.agent.SessionEffectsContract;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.client.Client;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.session.AgentSession;
import java.util.UUID;

class JdbiSessionEffectsIT extends SessionEffectsContract {

    private final JdbiStores stores = TestDatabase.stores();
    private final JdbiSessionEffects effects = new JdbiSessionEffects(stores.unitOfWork());

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
    protected SessionEffects effects() {
        return effects;
    }

    @Override
    protected UUID storedSession(Client client) {
        return stores.sessions().addIfAbsent(AgentSession.start(UUID.randomUUID(), client.id(),
                AgentSession.Channel.TICKET, UUID.randomUUID().toString(), "dana@contoso.example", EffectiveMode.PLAN,
                1, Fixtures.T0)).id();
    }
}

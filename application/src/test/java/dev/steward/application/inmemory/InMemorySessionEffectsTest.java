package dev.steward.application.inmemory;

import dev.steward.application.port.agent.SessionEffects;
import dev.steward.application.port.agent.SessionEffectsContract;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.store.UnitOfWork;

class InMemorySessionEffectsTest extends SessionEffectsContract {

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
    protected SessionEffects effects() {
        return stores.effects;
    }
}

package dev.steward.application.inmemory;

import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.reasoning.WorkflowStore;
import dev.steward.application.port.reasoning.WorkflowStoreContract;
import dev.steward.application.port.store.UnitOfWork;

class InMemoryWorkflowStoreTest extends WorkflowStoreContract {

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
    protected WorkflowStore workflows() {
        return stores.workflows;
    }
}

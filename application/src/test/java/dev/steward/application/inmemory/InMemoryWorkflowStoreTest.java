package dev.steward.application.inmemory;

import dev.steward.application.port.ClientRepository;
import dev.steward.application.port.MspRepository;
import dev.steward.application.port.WorkflowStore;
import dev.steward.application.port.UnitOfWork;
import dev.steward.application.testkit.WorkflowStoreContract;

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

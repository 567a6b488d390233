package dev.steward.adapter.persistence;

import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.reasoning.WorkflowStore;
import dev.steward.application.port.reasoning.WorkflowStoreContract;
import dev.steward.application.port.store.UnitOfWork;

class JdbiWorkflowStoreIT extends WorkflowStoreContract {

    private final JdbiStores stores = TestDatabase.stores();
    private final JdbiWorkflowStore workflows = new JdbiWorkflowStore(stores.unitOfWork());

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
    protected WorkflowStore workflows() {
        return workflows;
    }
}

package dev.steward.adapter.persistence;

import dev.steward.application.port.ClientRepository;
import dev.steward.application.port.MspRepository;
import dev.steward.application.port.WorkflowStore;
import dev.steward.application.port.UnitOfWork;
import dev.steward.application.testkit.WorkflowStoreContract;

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

package dev.steward.application.inmemory;

import dev.steward.application.port.agent.ApprovalRepository;
import dev.steward.application.port.agent.ApprovalRepositoryContract;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.store.UnitOfWork;

class InMemoryApprovalRepositoryTest extends ApprovalRepositoryContract {

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
    protected ApprovalRepository approvals() {
        return stores.approvals;
    }
}

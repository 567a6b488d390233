package dev.steward.application.workflow;

import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.reasoning.WorkflowStore;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;

public final class GetWorkflowService implements GetWorkflowUseCase {

    private final WorkflowStore workflows;
    private final ClientRepository clients;

    @Inject
    public GetWorkflowService(WorkflowStore workflows, ClientRepository clients) {
        this.workflows = workflows;
        this.clients = clients;
    }

    @Override
    public WorkflowDetails get(MspId msp, String id) {
        return WorkflowLookup.details(WorkflowLookup.require(workflows, msp, id), clients, workflows);
    }
}

package dev.steward.application.workflow;

import dev.steward.application.client.ClientLookup;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.reasoning.BuiltInWorkflows;
import dev.steward.application.port.reasoning.WorkflowStore;
import dev.steward.domain.client.Client;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.workflow.WorkflowScope;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

public final class ListWorkflowsService implements ListWorkflowsUseCase {

    private final WorkflowStore workflows;
    private final ClientRepository clients;
    private final MspRepository msps;

    @Inject
    public ListWorkflowsService(WorkflowStore workflows, ClientRepository clients, MspRepository msps) {
        this.workflows = workflows;
        this.clients = clients;
        this.msps = msps;
    }

    @Override
    public List<WorkflowDetails> list(MspId msp, Optional<String> client) {
        ClientLookup.requireMsp(msps, msp);
        Optional<Client> owner = client.map(slug -> ClientLookup.require(clients, msp, slug));
        return workflows.list(WorkflowScope.of(msp, owner.map(Client::id))).stream()
                .map(w -> new WorkflowDetails(w, owner.map(Client::slug), List.of(w.version())))
                .toList();
    }

    @Override
    public List<WorkflowDetails> builtIn() {
        return BuiltInWorkflows.all().stream()
                .map(w -> new WorkflowDetails(w, Optional.empty(), List.of(w.version())))
                .toList();
    }
}

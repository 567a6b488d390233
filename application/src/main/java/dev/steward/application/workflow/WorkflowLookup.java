package dev.steward.application.workflow;

import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.reasoning.WorkflowStore;
import dev.steward.application.problem.NotFound;
import dev.steward.application.security.Permission;
import dev.steward.domain.client.Client;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.workflow.Workflow;
import dev.steward.domain.workflow.WorkflowId;
import dev.steward.domain.workflow.WorkflowScope;
import java.util.UUID;

/** Loading workflows by the keys callers hold, and the permission each scope needs. */
final class WorkflowLookup {

    private WorkflowLookup() {
    }

    /** @throws NotFound if the MSP has no such workflow (a malformed id cannot name one either) */
    static Workflow require(WorkflowStore workflows, MspId msp, String id) {
        WorkflowId parsed;
        try {
            parsed = new WorkflowId(UUID.fromString(String.valueOf(id)));
        } catch (IllegalArgumentException e) {
            throw new NotFound("workflow", String.valueOf(id));
        }
        return workflows.find(msp, parsed).orElseThrow(() -> new NotFound("workflow", id));
    }

    /** What changing a workflow of this scope needs: the MSP-wide ones are an admin's, a client's a technician's. */
    static Permission permissionFor(WorkflowScope scope) {
        return scope.client().isPresent() ? Permission.CHANGE_CLIENT_WORKFLOWS : Permission.CHANGE_MSP_WORKFLOWS;
    }

    static WorkflowDetails details(Workflow workflow, ClientRepository clients, WorkflowStore workflows) {
        MspId msp = workflow.scope().msp().orElseThrow();
        return new WorkflowDetails(workflow, workflow.scope().client().flatMap(clients::find).map(Client::slug),
                workflows.history(msp, workflow.id()));
    }
}

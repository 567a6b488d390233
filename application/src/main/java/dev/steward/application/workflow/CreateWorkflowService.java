package dev.steward.application.workflow;

import dev.steward.application.client.ClientLookup;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.reasoning.WorkflowStore;
import dev.steward.application.port.store.IdGenerator;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.Violations;
import dev.steward.domain.client.Client;
import dev.steward.domain.workflow.Workflow;
import dev.steward.domain.workflow.WorkflowId;
import dev.steward.domain.workflow.WorkflowScope;
import dev.steward.domain.workflow.WorkflowStatus;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

public final class CreateWorkflowService implements CreateWorkflowUseCase {

    private final CommandValidator validator;
    private final WorkflowStore workflows;
    private final ClientRepository clients;
    private final MspRepository msps;
    private final IdGenerator ids;
    private final Clock clock;
    private final UnitOfWork unitOfWork;

    @Inject
    public CreateWorkflowService(CommandValidator validator, WorkflowStore workflows, ClientRepository clients,
                                 MspRepository msps, IdGenerator ids, Clock clock, UnitOfWork unitOfWork) {
        this.validator = validator;
        this.workflows = workflows;
        this.clients = clients;
        this.msps = msps;
        this.ids = ids;
        this.clock = clock;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public WorkflowDetails create(CreateWorkflowCommand command) {
        Violations violations = validator.check(command);
        WorkflowContent.Parsed content = command.content() == null ? null : command.content().parse(violations);
        WorkflowStatus status = violations.attempt("status", () -> WorkflowStatus.ofLabel(
                command.status() == null ? "draft" : command.status().orElse("draft")));
        if (status == WorkflowStatus.ARCHIVED) {
            violations.add(new FieldViolation("status", "status.not-initial",
                    "must be draft or active for a new workflow"));
        }
        violations.throwIfAny();
        return unitOfWork.inTransaction(() -> {
            ClientLookup.requireMsp(msps, command.msp());
            Optional<Client> client = command.client().map(slug -> ClientLookup.require(clients, command.msp(), slug));
            WorkflowScope scope = WorkflowScope.of(command.msp(), client.map(Client::id));
            WorkflowLookup.permissionFor(scope).require(command.role());
            Workflow workflow = Workflow.create(new WorkflowId(ids.next()), scope, content.name(), content.trigger(),
                    content.instructions(), content.steps(), status, command.actor(), clock.instant());
            workflows.add(workflow);
            return WorkflowLookup.details(workflow, clients, workflows);
        });
    }
}

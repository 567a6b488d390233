package dev.steward.application.workflow;

import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.reasoning.WorkflowStore;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.Violations;
import dev.steward.domain.workflow.Workflow;
import jakarta.inject.Inject;
import java.time.Clock;

public final class EditWorkflowService implements EditWorkflowUseCase {

    private final CommandValidator validator;
    private final WorkflowStore workflows;
    private final ClientRepository clients;
    private final Clock clock;
    private final UnitOfWork unitOfWork;

    @Inject
    public EditWorkflowService(CommandValidator validator, WorkflowStore workflows, ClientRepository clients,
                               Clock clock, UnitOfWork unitOfWork) {
        this.validator = validator;
        this.workflows = workflows;
        this.clients = clients;
        this.clock = clock;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public WorkflowDetails edit(EditWorkflowCommand command) {
        Violations violations = validator.check(command);
        WorkflowContent.Parsed content = command.content() == null ? null : command.content().parse(violations);
        violations.throwIfAny();
        return unitOfWork.inTransaction(() -> {
            Workflow stored = WorkflowLookup.require(workflows, command.msp(), command.id());
            WorkflowLookup.permissionFor(stored.scope()).require(command.role());
            int current = stored.version().number();
            if (command.expectedVersion().isPresent() && command.expectedVersion().get() != current) {
                throw Conflict.staleVersion("workflow " + stored.name(), command.expectedVersion().get(), current);
            }
            Workflow edited = stored.edited(content.name(), content.trigger(), content.instructions(),
                    content.steps(), command.actor(), clock.instant());
            workflows.update(edited);
            return WorkflowLookup.details(edited, clients, workflows);
        });
    }
}

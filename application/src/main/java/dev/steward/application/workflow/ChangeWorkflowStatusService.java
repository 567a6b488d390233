package dev.steward.application.workflow;

import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.reasoning.WorkflowStore;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.problem.Violations;
import dev.steward.domain.workflow.Workflow;
import dev.steward.domain.workflow.WorkflowStatus;
import jakarta.inject.Inject;
import java.time.Clock;

public final class ChangeWorkflowStatusService implements ChangeWorkflowStatusUseCase {

    private final CommandValidator validator;
    private final WorkflowStore workflows;
    private final ClientRepository clients;
    private final Clock clock;
    private final UnitOfWork unitOfWork;

    @Inject
    public ChangeWorkflowStatusService(CommandValidator validator, WorkflowStore workflows, ClientRepository clients,
                                       Clock clock, UnitOfWork unitOfWork) {
        this.validator = validator;
        this.workflows = workflows;
        this.clients = clients;
        this.clock = clock;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public WorkflowDetails change(ChangeWorkflowStatusCommand command) {
        Violations violations = validator.check(command);
        WorkflowStatus target = command.status() == null ? null
                : violations.attempt("status", () -> WorkflowStatus.ofLabel(command.status()));
        violations.throwIfAny();
        return unitOfWork.inTransaction(() -> {
            Workflow stored = WorkflowLookup.require(workflows, command.msp(), command.id());
            WorkflowLookup.permissionFor(stored.scope()).require(command.role());
            Workflow moved = stored.movedTo(target, command.actor(), clock.instant());
            if (moved != stored) {
                workflows.update(moved);
            }
            return WorkflowLookup.details(moved, clients, workflows);
        });
    }
}

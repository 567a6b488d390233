package dev.steward.application.workflow;

/**
 * Capability: activate a workflow (it applies from the next request), archive it (it no longer applies, and what it
 * replaced applies again), or return an active one to draft. Moving to the status it has changes nothing.
 */
public interface ChangeWorkflowStatusUseCase {

    /**
     * @throws dev.steward.application.problem.InvalidCommand ({@code status}) for anything but the three statuses
     * @throws dev.steward.domain.problem.IllegalTransition if the workflow's status may not move there (an archived
     *     workflow never becomes a draft)
     * @throws dev.steward.application.problem.NotFound if the MSP has no such workflow
     * @throws dev.steward.application.problem.Forbidden if the role may not change workflows of its scope
     */
    WorkflowDetails change(ChangeWorkflowStatusCommand command);
}

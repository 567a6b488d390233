package dev.steward.application.workflow;

/** Capability: change what a workflow says; it becomes the next version, by the caller. */
public interface EditWorkflowUseCase {

    /**
     * @throws dev.steward.application.problem.InvalidCommand naming every bad field, as for creating one
     * @throws dev.steward.application.problem.NotFound if the MSP has no such workflow
     * @throws dev.steward.application.problem.Forbidden if the role may not change workflows of its scope
     * @throws dev.steward.application.problem.Conflict ({@code workflow.name-taken}, on {@code name}) if renamed
     *     onto a name another workflow of the scope holds; ({@code version.stale}) if it changed since
     *     {@code expectedVersion} or meanwhile
     */
    WorkflowDetails edit(EditWorkflowCommand command);
}

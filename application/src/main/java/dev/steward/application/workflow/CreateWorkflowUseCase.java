package dev.steward.application.workflow;

/**
 * Capability: write a workflow, MSP-wide or for one client. Active, it applies to the next request of its scope; one
 * named like a built-in or an MSP-wide workflow replaces it there. On any error nothing is stored.
 */
public interface CreateWorkflowUseCase {

    /**
     * @return the workflow, version 1, by the caller
     * @throws dev.steward.application.problem.InvalidCommand naming every bad field: {@code name}, {@code trigger}
     *     (empty, not one sentence, an unclosed quote), {@code instructions}, {@code checks[i].tool},
     *     {@code checks[i].arguments}, {@code actions[i].tool}, {@code actions[i].arguments},
     *     {@code actions[i].reason}, {@code status}
     * @throws dev.steward.application.problem.NotFound if the MSP has no such client
     * @throws dev.steward.application.problem.Forbidden if the role may not change workflows of that scope
     * @throws dev.steward.application.problem.Conflict ({@code workflow.name-taken}, on {@code name}) if the scope
     *     has a workflow of that name, ignoring case
     */
    WorkflowDetails create(CreateWorkflowCommand command);
}

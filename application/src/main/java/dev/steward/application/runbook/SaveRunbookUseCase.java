package dev.steward.application.runbook;

/**
 * Capability: write a runbook for the runbook reasoner, MSP-wide or for one client. It applies to the next request
 * of its scope; one named as a built-in runbook replaces it. On any error nothing changes.
 */
public interface SaveRunbookUseCase {

    /**
     * @throws dev.steward.application.problem.InvalidCommand naming every bad field: {@code name}, {@code triggers},
     *     {@code triggers[i]}, {@code diagnosis[i].tool}, {@code diagnosis[i].arguments}, {@code plan[i].tool},
     *     {@code plan[i].arguments}, {@code plan[i].reason}
     * @throws dev.steward.application.problem.NotFound if the MSP has no such client or runbook
     * @throws dev.steward.application.problem.Forbidden if the role may not change runbooks of that scope
     * @throws dev.steward.application.problem.Conflict ({@code runbook.exists}) if renaming onto a name another
     *     runbook of the scope holds
     */
    RunbookDetails save(SaveRunbookCommand command);
}

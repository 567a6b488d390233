package dev.steward.application.runbook;

import dev.steward.domain.approval.UserRole;
import dev.steward.domain.msp.MspId;

/** Capability: delete a runbook; a built-in one it replaced applies again. */
public interface DeleteRunbookUseCase {

    /**
     * @param role the caller's: an MSP-wide runbook needs {@code CHANGE_MSP_WORKFLOWS}, a client's
     *     {@code CHANGE_CLIENT_WORKFLOWS}
     * @throws dev.steward.application.problem.NotFound if the MSP has no such runbook
     * @throws dev.steward.application.problem.Forbidden if the role may not change runbooks of its scope
     */
    void delete(MspId msp, UserRole role, String id);
}

package dev.steward.application.verification;

import dev.steward.domain.verification.IdentityVerification;

/**
 * Capability: a technician records that they verified the requester of an approval's session themselves (by phone,
 * in person), so that the session's sensitive actions may run. Recorded with who and when, and in the activity log.
 */
public interface ConfirmIdentityUseCase {

    /**
     * @throws dev.steward.application.problem.NotFound if the MSP has no such approval request
     * @throws dev.steward.domain.problem.ApprovalNotAllowed ({@code approval.role}) for a viewer
     * @throws dev.steward.domain.problem.InvalidValue ({@code requester}) if the session's requester is not known
     */
    IdentityVerification confirm(ConfirmIdentityCommand command);
}

package dev.steward.application.approval;

/**
 * Capability: approve or deny a pending approval request, recording who decided, when and why, on the request and
 * in the activity log, and queueing the decision for the client's agent: approved, it runs the call exactly once with
 * the arguments kept with the request; denied, it tells the requester.
 */
public interface DecideApprovalUseCase {

    /**
     * @throws dev.steward.application.problem.InvalidCommand if the reason is too long
     * @throws dev.steward.application.problem.NotFound if the MSP has no such approval request
     * @throws dev.steward.domain.problem.ApprovalNotAllowed if the role may not decide, or it was decided already
     * @throws dev.steward.application.problem.Conflict ({@code approval.already-decided}) if someone else decided it
     *     at the same moment: of two deciders, exactly one wins
     */
    ApprovalDetails decide(DecideApprovalCommand command);
}

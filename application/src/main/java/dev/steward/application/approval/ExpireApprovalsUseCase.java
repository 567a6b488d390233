package dev.steward.application.approval;

/**
 * Capability: expire every approval request that waited longer than the {@link ApprovalTimeout}. An expiry is
 * treated like a denial: nothing runs, and the client's agent tells the requester (with the reason) and notes it.
 */
public interface ExpireApprovalsUseCase {

    /** @return how many requests expired */
    int expireDue();
}

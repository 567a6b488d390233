package dev.steward.domain.problem;

/** An approval decision that may not be taken: wrong role, or the request was already decided. */
public final class ApprovalNotAllowed extends DomainException {

    public ApprovalNotAllowed(String code, String message) {
        super("approval." + code, message);
    }
}

package dev.steward.domain.problem;

/**
 * A broken domain rule. Sealed so that every adapter that translates errors (the web's problem mapper)
 * must handle each case; {@link #code()} is stable and meant for machines, the message for people.
 * Messages never contain secrets.
 */
public sealed abstract class DomainException extends RuntimeException
        permits InvalidValue, IllegalTransition, DeletionNotConfirmed, ApprovalNotAllowed {

    private final String code;

    protected DomainException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** Stable machine-readable code such as {@code slug.invalid-character}. */
    public String code() {
        return code;
    }
}

package dev.steward.application.problem;

/**
 * A use case could not do what was asked. Sealed so that adapters translating errors (the web's problem mapper)
 * must handle each case. Together with {@link dev.steward.domain.problem.DomainException} these are all the
 * errors a use case throws on purpose.
 */
public sealed abstract class ApplicationException extends RuntimeException
        permits NotFound, Conflict, InvalidCommand, PortFailure, NotSignedIn, TooManyAttempts, Forbidden {

    protected ApplicationException(String message, Throwable cause) {
        super(message, cause);
    }
}

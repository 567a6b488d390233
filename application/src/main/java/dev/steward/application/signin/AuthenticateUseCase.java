package dev.steward.application.signin;

import java.util.Optional;

/** Turns a request's credentials into its {@link Caller}: a session cookie's token, or an API token. */
public interface AuthenticateUseCase {

    /**
     * The caller of a live session; empty for an unknown, expired, idle (unused for the idle timeout: it ends) or
     * signed-out one, a disabled user's, or a suspended MSP's.
     */
    Optional<Caller> bySession(String sessionToken);

    /** The caller of an active API token; empty for an unknown or revoked one. */
    Optional<Caller> byApiToken(String apiToken);

    /**
     * For a request that changes something: the session's caller as the store says now (not a recent copy), and from
     * here until {@link #endRequest} every unit of work this thread opens first checks, in its own transaction, that
     * the session is still live (refused with {@code NotSignedIn} otherwise).
     */
    Optional<Caller> bySessionToChange(String sessionToken);

    /** As {@link #bySessionToChange}, for an API token: revoked on any instance, it is refused for the next write. */
    Optional<Caller> byApiTokenToChange(String apiToken);

    /** The request this thread served is over: its credential is no longer checked. */
    void endRequest();
}

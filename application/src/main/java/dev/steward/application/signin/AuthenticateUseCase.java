package dev.steward.application.signin;

import java.util.Optional;

/** Turns a request's credentials into its {@link Caller}: a session cookie's token, or an API token. */
public interface AuthenticateUseCase {

    /** The caller of a live session; empty for an unknown, expired or signed-out one. */
    Optional<Caller> bySession(String sessionToken);

    /** The caller of an active API token; empty for an unknown or revoked one. */
    Optional<Caller> byApiToken(String apiToken);
}

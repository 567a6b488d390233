package dev.steward.application.integration;

import java.time.Instant;
import java.util.Objects;

/** Where to send the person who authorizes, and until when Steward takes the code that comes back. */
public record AuthorizationStarted(String authorizationUrl, Instant expiresAt) {

    public AuthorizationStarted {
        Objects.requireNonNull(authorizationUrl, "authorizationUrl");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}

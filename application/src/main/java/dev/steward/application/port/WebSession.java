package dev.steward.application.port;

import dev.steward.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in browser session as stored: the SHA-256 of the cookie's token (never the token), the user, the token
 * that forms and unsafe requests must echo (CSRF), and when it ends.
 */
public record WebSession(String tokenHash, UserId user, String csrfToken, Instant createdAt, Instant expiresAt) {

    public WebSession {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a session must end after it starts");
        }
    }

    public boolean liveAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}

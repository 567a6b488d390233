package dev.steward.application.port.access;

import dev.steward.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in browser session as stored: the SHA-256 of the cookie's token (never the token), the user, the token
 * that forms and unsafe requests must echo (CSRF), when it ends at the latest, and when it was last used (for the idle
 * timeout, recorded at most about once a minute).
 */
public record WebSession(String tokenHash, UserId user, String csrfToken, Instant createdAt, Instant expiresAt,
                         Instant lastSeenAt) {

    /** A new session, last seen when it was created. */
    public WebSession(String tokenHash, UserId user, String csrfToken, Instant createdAt, Instant expiresAt) {
        this(tokenHash, user, csrfToken, createdAt, expiresAt, createdAt);
    }

    public WebSession {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a session must end after it starts");
        }
    }

    public boolean liveAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    /** Whether the session has been unused for {@code idle} or longer at {@code now}. */
    public boolean idleAt(Instant now, java.time.Duration idle) {
        return !now.isBefore(lastSeenAt.plus(idle));
    }
}

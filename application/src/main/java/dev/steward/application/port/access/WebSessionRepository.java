package dev.steward.application.port.access;

import dev.steward.application.stability.Stable;
import dev.steward.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * Server-side browser sessions, looked up by the hash of their token. Kept in the store (not in the server's memory)
 * so that sign-ins survive a restart and work across several control-plane instances.
 * ({@code WebSessionRepositoryContract}.)
 */
@Stable
public interface WebSessionRepository {

    void add(WebSession session);

    /**
     * The session with this token hash if it is still live at {@code now}; an expired one is as good as unknown. In a
     * store shared by several control planes, a session found live inside a unit of work stays so until the work ends
     * (a sign-out made meanwhile waits for it).
     */
    Optional<WebSession> find(String tokenHash, Instant now);

    /** Records that the session was used at {@code at}; never moves the time back; nothing for an unknown session. */
    void touch(String tokenHash, Instant at);

    /** Ends one session (sign-out); succeeds if it is already gone. */
    void remove(String tokenHash);

    /** Ends every session of a user. */
    void removeAllOf(UserId user);

    /** Forgets sessions that ended before {@code now}; returns how many. */
    int removeExpired(Instant now);
}

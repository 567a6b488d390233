package dev.steward.application.port.agent;

import dev.steward.application.stability.Stable;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.session.AgentSession;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores agent sessions. A source reference starts at most one session per client and channel: this is what makes
 * intake idempotent when a PSA delivers the same ticket twice. ({@code SessionRepositoryContract}.)
 */
@Stable
public interface SessionRepository {

    /**
     * Stores {@code session} unless the client already has one for the same channel and external reference.
     *
     * @return the stored session: {@code session} itself, or the one that was there first (atomic: of two concurrent
     *     calls, exactly one stores)
     */
    AgentSession addIfAbsent(AgentSession session);

    Optional<AgentSession> find(UUID id);

    Optional<AgentSession> find(ClientId client, AgentSession.Channel channel, String externalReference);

    /**
     * Runs a failed session again: atomically, only if the stored session {@link AgentSession#mayRestart() may}
     * (failed before its note was posted), it becomes {@code RUNNING} again (same id, same source) as of {@code at}.
     * Of two concurrent calls at most one gets it.
     *
     * @return the running session, or empty if it may not (or no longer) restart
     */
    Optional<AgentSession> restartFailed(UUID id, java.time.Instant at);

    /**
     * Stores the session's state and end as given. What only ever moves forward stays forward whatever the caller's
     * copy says: once {@code notePosted}, always; {@code notesSeen} never goes back to an earlier mark. So an update
     * from a stale copy cannot make a session restartable again or make old notes count twice.
     *
     * @return the session as stored
     * @throws dev.steward.application.problem.NotFound if the session was never added
     */
    AgentSession update(AgentSession session);
}

package dev.steward.application.port;

import dev.steward.domain.client.ClientId;
import dev.steward.domain.session.AgentSession;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores agent sessions. A source reference starts at most one session per client and channel: this is what makes
 * intake idempotent when a PSA delivers the same ticket twice. ({@code SessionRepositoryContract}.)
 */
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
     * Runs a failed session again: atomically, only if the stored session is {@code FAILED}, it becomes
     * {@code RUNNING} again (same id, same source) as of {@code at}. Of two concurrent calls at most one gets it.
     *
     * @return the running session, or empty if it is not (or no longer) failed
     */
    Optional<AgentSession> restartFailed(UUID id, java.time.Instant at);

    /** @throws dev.steward.application.problem.NotFound if the session was never added */
    AgentSession update(AgentSession session);
}

package dev.steward.domain.session;

import dev.steward.domain.client.ClientId;
import dev.steward.domain.mode.EffectiveMode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One unit of agent work, started by one request. It keeps the mode (and configuration version) it started with:
 * a change applies to the next session.
 */
public record AgentSession(UUID id, ClientId client, Channel channel, String externalReference, String requester,
                           EffectiveMode mode, long configVersion, State state, Instant startedAt,
                           Optional<Instant> endedAt) {

    public enum Channel { TICKET, CHAT, VOICE }

    public enum State { RUNNING, AWAITING_APPROVAL, COMPLETED, FAILED }

    public AgentSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(externalReference, "externalReference");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        if (endedAt.isPresent() && (state == State.RUNNING || state == State.AWAITING_APPROVAL)) {
            throw new IllegalArgumentException("a running session has no end");
        }
    }

    public static AgentSession start(UUID id, ClientId client, Channel channel, String reference, String requester,
                                     EffectiveMode mode, long configVersion, Instant at) {
        return new AgentSession(id, client, channel, reference, requester, mode, configVersion, State.RUNNING, at,
                Optional.empty());
    }

    public AgentSession awaitingApproval() {
        return new AgentSession(id, client, channel, externalReference, requester, mode, configVersion,
                State.AWAITING_APPROVAL, startedAt, Optional.empty());
    }

    public AgentSession ended(State outcome, Instant at) {
        if (outcome == State.RUNNING || outcome == State.AWAITING_APPROVAL) {
            throw new IllegalArgumentException("a session ends completed or failed");
        }
        return new AgentSession(id, client, channel, externalReference, requester, mode, configVersion, outcome,
                startedAt, Optional.of(at));
    }
}

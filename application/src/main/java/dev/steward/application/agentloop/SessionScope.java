package dev.steward.application.agentloop;

import dev.steward.domain.client.ClientId;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.session.AgentSession;
import java.util.Objects;
import java.util.UUID;

/**
 * Whose work a tool call belongs to: MSP, client, session, source ticket, the mode the session started in, and who
 * asked (the requester, e.g. an e-mail address; empty when the channel does not say).
 */
public record SessionScope(MspId msp, ClientId client, UUID session, String ticket, EffectiveMode mode,
                           String requester) {

    public SessionScope {
        Objects.requireNonNull(msp, "msp");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(mode, "mode");
        requester = requester == null ? "" : requester;
    }

    /** The scope of {@code session}, a session of a client of {@code msp}. */
    public static SessionScope of(MspId msp, AgentSession session) {
        return new SessionScope(msp, session.client(), session.id(), session.externalReference(), session.mode(),
                session.requester());
    }

    /** A session whose requester is not known. */
    public SessionScope(MspId msp, ClientId client, UUID session, String ticket, EffectiveMode mode) {
        this(msp, client, session, ticket, mode, "");
    }
}

package dev.steward.application.agentloop;

import dev.steward.domain.client.ClientId;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.msp.MspId;
import java.util.Objects;
import java.util.UUID;

/** Whose work a tool call belongs to: MSP, client, session, source ticket, and the mode the session started in. */
public record SessionScope(MspId msp, ClientId client, UUID session, String ticket, EffectiveMode mode) {

    public SessionScope {
        Objects.requireNonNull(msp, "msp");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(mode, "mode");
    }
}

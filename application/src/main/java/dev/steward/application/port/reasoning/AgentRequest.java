package dev.steward.application.port.reasoning;

import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.MspId;
import java.util.Objects;
import java.util.UUID;

/**
 * One request an agent works on: which session, for which client, from whom, and its text. {@code reference} is the
 * source's own id (the PSA ticket id for the ticket channel).
 */
public record AgentRequest(UUID session, MspId msp, ClientId client, String reference, String requester, String text) {

    public AgentRequest {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(msp, "msp");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(reference, "reference");
        requester = requester == null ? "" : requester;
        Objects.requireNonNull(text, "text");
    }
}

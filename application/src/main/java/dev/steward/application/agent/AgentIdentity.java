package dev.steward.application.agent;

import dev.steward.domain.client.ClientId;
import dev.steward.domain.client.Slug;
import dev.steward.domain.msp.MspId;
import java.util.Objects;

/** An authenticated agent: the client (and MSP) whose token it presented. */
public record AgentIdentity(ClientId client, MspId msp, Slug slug) {

    public AgentIdentity {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(msp, "msp");
        Objects.requireNonNull(slug, "slug");
    }
}

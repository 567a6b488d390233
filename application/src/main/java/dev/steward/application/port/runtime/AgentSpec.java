package dev.steward.application.port.runtime;

import dev.steward.domain.client.ClientId;
import dev.steward.domain.client.Slug;
import dev.steward.domain.msp.MspId;
import java.util.Objects;

/**
 * What a runtime needs to run one client's agent. Carries no integration secret: an agent fetches its configuration
 * from the control plane and every tool call goes through the control plane's gateway.
 */
public record AgentSpec(ClientId client, MspId msp, Slug slug, long configVersion) {

    public AgentSpec {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(msp, "msp");
        Objects.requireNonNull(slug, "slug");
        if (configVersion < 1) {
            throw new IllegalArgumentException("configVersion starts at 1");
        }
    }
}

package dev.steward.application.client;

import dev.steward.domain.client.Client;
import dev.steward.domain.mode.EffectiveMode;
import java.util.Objects;

/** A client together with the mode its agent actually runs in (its own, or the MSP default when it inherits). */
public record ClientDetails(Client client, EffectiveMode effectiveMode) {

    public ClientDetails {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(effectiveMode, "effectiveMode");
    }
}

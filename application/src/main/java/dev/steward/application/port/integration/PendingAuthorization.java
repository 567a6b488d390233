package dev.steward.application.port.integration;

import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.msp.MspId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An integration whose authorization a person started in their browser and has not finished: who started it (the
 * MSP and, for a client's integration, the client's slug), the kind, the values it will be connected with (the PKCE
 * verifier among the secrets), the redirect URI the code comes back to, and until when the code is taken.
 * {@link #toString()} shows neither the state nor a secret.
 *
 * @param state the unguessable value the authorization server returns with the code; it names the authorization
 * @param integration the connected integration authorized again, or empty for one to connect
 */
public record PendingAuthorization(String state, MspId msp, Optional<String> client, String kind,
                                   IntegrationSettings values, String redirectUri, Instant expiresAt,
                                   Optional<IntegrationId> integration) {

    public PendingAuthorization {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(msp, "msp");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(integration, "integration");
    }

    @Override
    public String toString() {
        return "PendingAuthorization[msp=" + msp + ", client=" + client + ", kind=" + kind + ", values=" + values
                + ", expiresAt=" + expiresAt + ", integration=" + integration + "]";
    }
}

package dev.steward.application.spi;

import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.stability.Experimental;
import java.util.Objects;

/**
 * How a kind whose system authorizes Steward in a person's browser (OAuth 2.1 with PKCE, as an MCP server may ask)
 * gets its tokens: {@link #begin} finds out how the system authorizes and says where to send the person;
 * the system sends them back to Steward's redirect URI with a code, and {@link #complete} trades the code for the
 * values the integration is then connected with (its tokens among its secrets).
 */
@Experimental
public interface AuthorizationFlow {

    /**
     * Discovers the system's authorization server, registers Steward with it when it offers that and no client id
     * was given, and prepares the authorization request.
     *
     * @param values the settings and secrets the integration will be connected with
     * @param redirectUri where the authorization server sends the person back
     * @param state the unguessable value the authorization server returns with the code
     * @throws dev.steward.domain.problem.InvalidValue naming the field whose value the system refused or that the
     *     flow needs (a client id when the authorization server offers no registration)
     * @throws dev.steward.application.problem.PortFailure if the system could not be reached
     */
    Started begin(IntegrationSettings values, String redirectUri, String state, ProviderContext context);

    /**
     * Trades the authorization code for tokens.
     *
     * @param pending the values {@link #begin} returned
     * @return the values to connect the integration with: the tokens among the secrets, nothing only the flow needed
     * @throws dev.steward.domain.problem.InvalidValue ({@code code}) if the authorization server refused the code
     * @throws dev.steward.application.problem.PortFailure if it could not be reached
     */
    IntegrationSettings complete(IntegrationSettings pending, String code, String redirectUri, ProviderContext context);

    /**
     * Where to send the person, and the values to keep until they come back (the PKCE verifier and the registered
     * client among the secrets).
     */
    record Started(String authorizationUrl, IntegrationSettings pending) {

        public Started {
            Objects.requireNonNull(authorizationUrl, "authorizationUrl");
            Objects.requireNonNull(pending, "pending");
        }

        @Override
        public String toString() {
            return "Started[pending=" + pending + "]";
        }
    }
}

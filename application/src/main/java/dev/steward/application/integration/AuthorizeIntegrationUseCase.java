package dev.steward.application.integration;

import dev.steward.domain.msp.MspId;

/**
 * Connecting an integration whose system authorizes Steward in a person's browser (an MCP server that advertises
 * OAuth 2.1): {@link #begin} says where to send the person, and {@link #complete}, when the authorization server sent
 * them back with a code, connects the integration with the tokens it gave (stored as secrets).
 */
public interface AuthorizeIntegrationUseCase {

    /**
     * Checks what would be connected as {@link ConnectIntegrationUseCase#connect} does, discovers the system's
     * authorization server (registering Steward when it offers that) and keeps the authorization for
     * {@link AuthorizationStarted#expiresAt() a while}.
     *
     * @throws dev.steward.application.problem.InvalidCommand naming every bad field (as connecting does), and
     *     {@code kind} for a kind whose system does not authorize in the browser
     * @throws dev.steward.domain.problem.InvalidValue naming the value the system refused or the flow needs
     * @throws dev.steward.application.problem.PortFailure if the system could not be reached
     * @throws dev.steward.application.problem.NotFound if the MSP has no such client
     * @throws dev.steward.application.problem.Conflict ({@code integration.exists}) if the scope has this kind already
     */
    AuthorizationStarted begin(BeginAuthorizationCommand command);

    /**
     * Starts authorizing a connected integration again (its grant ran out or was revoked), with the values it is
     * connected with; completing it renews its tokens and keeps the integration, its tools and their policies.
     *
     * @throws dev.steward.application.problem.NotFound ({@code integration}) if the MSP has no such integration
     * @throws dev.steward.domain.problem.InvalidValue ({@code integration}) if it is not authorized in the browser, or
     *     what the system refused
     * @throws dev.steward.application.problem.PortFailure if the system could not be reached
     */
    AuthorizationStarted beginAgain(MspId msp, String integration, String redirectUri);

    /**
     * Takes the authorization the state names (once), trades the code for tokens and connects the integration.
     *
     * @throws dev.steward.domain.problem.InvalidValue ({@code state}) if the MSP started no such authorization, it
     *     was finished already or it expired; ({@code error}) if the authorization server said why it gave no code;
     *     ({@code code}) if it refused the code
     * @throws dev.steward.application.problem.PortFailure if the system could not be reached
     * @throws dev.steward.application.problem.Conflict ({@code integration.exists}) if the kind was connected meanwhile
     */
    IntegrationDetails complete(CompleteAuthorizationCommand command);
}

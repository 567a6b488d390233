package dev.steward.application.integration;

/**
 * Capability: connect an integration. Its kind's provider checks the values against the live system and connects;
 * its tools are the connection's (its kind's catalog, or what an MCP server offers), each with its seeded policy; its
 * values go to the secret vault; the connection goes live (a PSA starts taking tickets in); the agents that use it
 * are reconfigured. On any error nothing is kept.
 */
public interface ConnectIntegrationUseCase {

    /**
     * @throws dev.steward.application.problem.InvalidCommand naming every bad field: an unknown kind (or one not
     *     allowed in this scope), each missing, unknown or misplaced {@code settings.<key>} / {@code secrets.<key>}
     * @throws dev.steward.domain.problem.InvalidValue naming the value the provider or its system refused
     * @throws dev.steward.application.problem.PortFailure if the system could not be reached
     * @throws dev.steward.application.problem.NotFound if the MSP has no such client
     * @throws dev.steward.application.problem.Conflict ({@code integration.exists}) if the scope has this kind already
     */
    IntegrationDetails connect(ConnectIntegrationCommand command);
}

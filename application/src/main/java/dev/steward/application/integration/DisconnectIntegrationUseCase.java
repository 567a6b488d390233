package dev.steward.application.integration;

import dev.steward.domain.msp.MspId;

/**
 * Capability: disconnect an integration. Its values (secrets included) are removed from the vault, the adapter stops
 * using it, and the agents that used its tools are reconfigured.
 */
public interface DisconnectIntegrationUseCase {

    /** @throws dev.steward.application.problem.NotFound if the MSP has no integration with that id */
    void disconnect(MspId msp, String id);
}

package dev.steward.application.integration;

import dev.steward.domain.msp.MspId;

/**
 * Capability: disconnect an integration. Its values (secrets included) are removed from the vault, the adapter stops
 * using it, what connecting registered at the system (a PSA webhook) is removed there, and the agents that used its
 * tools are reconfigured. A system that cannot be asked to remove its webhook does not keep the integration: it is
 * disconnected, and a warning names the webhook to remove by hand (a delivery to it is refused from then on).
 */
public interface DisconnectIntegrationUseCase {

    /** @throws dev.steward.application.problem.NotFound if the MSP has no integration with that id */
    void disconnect(MspId msp, String id);
}

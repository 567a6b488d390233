package dev.steward.application.integration;

import dev.steward.domain.msp.MspId;

/** Capability: one integration with its tools, their policies and its masked settings. */
public interface GetIntegrationUseCase {

    /** @throws dev.steward.application.problem.NotFound if the MSP has no integration with that id */
    IntegrationDetails get(MspId msp, String id);
}

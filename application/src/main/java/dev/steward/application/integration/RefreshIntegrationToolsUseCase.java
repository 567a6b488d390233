package dev.steward.application.integration;

import dev.steward.domain.msp.MspId;

/**
 * Capability: an integration's tools as its system offers them now (an MCP server's list may change): a tool that
 * is gone disappears with its policy, a new one arrives with a seeded policy, kept ones keep the MSP's policy. The
 * same happens on its own when a connection reports that its tools changed.
 */
public interface RefreshIntegrationToolsUseCase {

    /**
     * @throws dev.steward.application.problem.NotFound if the MSP has no integration with that id
     * @throws dev.steward.application.problem.Conflict ({@code integration.not-live}) if it is not connected now
     * @throws dev.steward.application.problem.PortFailure if its system could not be asked
     */
    IntegrationDetails refresh(MspId msp, String id);
}

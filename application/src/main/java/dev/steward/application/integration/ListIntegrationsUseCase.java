package dev.steward.application.integration;

import dev.steward.domain.msp.MspId;
import java.util.List;
import java.util.Optional;

/** Capability: the integrations connected MSP-wide, or for one client, with their tools and masked settings. */
public interface ListIntegrationsUseCase {

    /**
     * @param client a client's slug for that client's own integrations; empty for the MSP-wide ones
     * @throws dev.steward.application.problem.NotFound if the MSP has no such client
     */
    List<IntegrationDetails> list(MspId msp, Optional<String> client);
}

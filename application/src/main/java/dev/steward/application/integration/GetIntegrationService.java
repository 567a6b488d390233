package dev.steward.application.integration;

import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.integration.IntegrationRepository;
import dev.steward.application.port.integration.SecretVault;
import dev.steward.application.provider.IntegrationKinds;
import dev.steward.application.provider.LiveIntegrations;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;

public final class GetIntegrationService implements GetIntegrationUseCase {

    private final IntegrationRepository integrations;
    private final IntegrationKinds kinds;
    private final ClientRepository clients;
    private final SecretVault vault;
    private final LiveIntegrations live;

    @Inject
    public GetIntegrationService(IntegrationRepository integrations, IntegrationKinds kinds, ClientRepository clients,
                                 SecretVault vault,
                                 LiveIntegrations live) {
        this.integrations = integrations;
        this.kinds = kinds;
        this.clients = clients;
        this.vault = vault;
        this.live = live;
    }

    @Override
    public IntegrationDetails get(MspId msp, String id) {
        Integration integration = IntegrationLookup.require(integrations, msp, id);
        return IntegrationLookup.shown(integration, kinds, clients, vault, integrations, live);
    }
}

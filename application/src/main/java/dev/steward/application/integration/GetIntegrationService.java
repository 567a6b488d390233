package dev.steward.application.integration;

import dev.steward.application.port.ClientRepository;
import dev.steward.application.port.IntegrationRepository;
import dev.steward.application.port.SecretVault;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;

public final class GetIntegrationService implements GetIntegrationUseCase {

    private final IntegrationRepository integrations;
    private final IntegrationKinds kinds;
    private final ClientRepository clients;
    private final SecretVault vault;

    @Inject
    public GetIntegrationService(IntegrationRepository integrations, IntegrationKinds kinds, ClientRepository clients,
                                 SecretVault vault) {
        this.integrations = integrations;
        this.kinds = kinds;
        this.clients = clients;
        this.vault = vault;
    }

    @Override
    public IntegrationDetails get(MspId msp, String id) {
        return IntegrationLookup.details(IntegrationLookup.require(integrations, msp, id), kinds, clients, vault);
    }
}

package dev.steward.application.integration;

import dev.steward.application.client.ClientLookup;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.integration.IntegrationRepository;
import dev.steward.application.port.integration.SecretVault;
import dev.steward.application.provider.IntegrationKinds;
import dev.steward.application.provider.LiveIntegrations;
import dev.steward.domain.client.Client;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

public final class ListIntegrationsService implements ListIntegrationsUseCase {

    private final IntegrationRepository integrations;
    private final IntegrationKinds kinds;
    private final ClientRepository clients;
    private final MspRepository msps;
    private final SecretVault vault;
    private final LiveIntegrations live;

    @Inject
    public ListIntegrationsService(IntegrationRepository integrations, IntegrationKinds kinds,
                                   ClientRepository clients, MspRepository msps, SecretVault vault,
                                   LiveIntegrations live) {
        this.integrations = integrations;
        this.kinds = kinds;
        this.clients = clients;
        this.msps = msps;
        this.vault = vault;
        this.live = live;
    }

    @Override
    public List<IntegrationDetails> list(MspId msp, Optional<String> client) {
        ClientLookup.requireMsp(msps, msp);
        Optional<Client> owner = client.map(slug -> ClientLookup.require(clients, msp, slug));
        return integrations.list(msp, owner.map(Client::id)).stream()
                .map(i -> IntegrationLookup.shown(i, kinds, clients, vault, integrations, live))
                .toList();
    }
}

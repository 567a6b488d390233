package dev.steward.application.integration;

import dev.steward.application.client.ClientLookup;
import dev.steward.application.port.client.ClientMappings;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.integration.IntegrationRepository;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.provider.IntegrationKinds;
import dev.steward.application.provider.LiveIntegrations;
import dev.steward.domain.client.Client;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.util.List;

public final class ListClientMappingsService implements ListClientMappingsUseCase {

    private final ClientRepository clients;
    private final IntegrationRepository integrations;
    private final LiveIntegrations live;
    private final ClientMappings mappings;
    private final IntegrationKinds kinds;
    private final UnitOfWork unitOfWork;

    @Inject
    public ListClientMappingsService(ClientRepository clients, IntegrationRepository integrations,
                                     LiveIntegrations live, ClientMappings mappings, IntegrationKinds kinds,
                                     UnitOfWork unitOfWork) {
        this.clients = clients;
        this.integrations = integrations;
        this.live = live;
        this.mappings = mappings;
        this.kinds = kinds;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public List<MappingChoice> list(MspId msp, String slug) {
        return unitOfWork.inTransaction(() -> {
            Client client = ClientLookup.require(clients, msp, slug);
            return ClientMappingLookup.serving(integrations, kinds, client).stream()
                    .filter(i -> live.connection(i.id()).flatMap(c -> c.directory()).isPresent())
                    .map(i -> new MappingChoice(i, kinds.kind(i.kind()).map(k -> k.label()).orElse(i.kind()),
                            mappings.find(msp, client.id(), i.kind())))
                    .toList();
        });
    }
}

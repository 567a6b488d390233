package dev.steward.application.client;

import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.domain.client.Client;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;

public final class GetClientService implements GetClientUseCase {

    private final ClientRepository clients;
    private final MspRepository msps;

    @Inject
    public GetClientService(ClientRepository clients, MspRepository msps) {
        this.clients = clients;
        this.msps = msps;
    }

    @Override
    public ClientDetails get(MspId mspId, String slug) {
        Msp msp = ClientLookup.requireMsp(msps, mspId);
        Client client = ClientLookup.require(clients, mspId, slug);
        return new ClientDetails(client, client.effectiveMode(msp.defaultMode()));
    }
}

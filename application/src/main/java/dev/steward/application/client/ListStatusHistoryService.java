package dev.steward.application.client;

import dev.steward.application.port.client.ClientRepository;
import dev.steward.domain.agent.StatusChange;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.util.List;

public final class ListStatusHistoryService implements ListStatusHistoryUseCase {

    private final ClientRepository clients;

    @Inject
    public ListStatusHistoryService(ClientRepository clients) {
        this.clients = clients;
    }

    @Override
    public List<StatusChange> history(MspId msp, String slug) {
        return clients.history(ClientLookup.require(clients, msp, slug).id());
    }
}

package dev.steward.application.runbook;

import dev.steward.application.client.ClientLookup;
import dev.steward.application.port.ClientRepository;
import dev.steward.application.port.MspRepository;
import dev.steward.application.port.RunbookStore;
import dev.steward.domain.client.Client;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

public final class ListRunbooksService implements ListRunbooksUseCase {

    private final RunbookStore runbooks;
    private final ClientRepository clients;
    private final MspRepository msps;

    @Inject
    public ListRunbooksService(RunbookStore runbooks, ClientRepository clients, MspRepository msps) {
        this.runbooks = runbooks;
        this.clients = clients;
        this.msps = msps;
    }

    @Override
    public List<RunbookDetails> list(MspId msp, Optional<String> client) {
        ClientLookup.requireMsp(msps, msp);
        Optional<Client> owner = client.map(slug -> ClientLookup.require(clients, msp, slug));
        return runbooks.list(msp, owner.map(Client::id)).stream()
                .map(r -> new RunbookDetails(r, owner.map(Client::slug)))
                .toList();
    }
}

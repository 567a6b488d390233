package dev.steward.application.approval;

import dev.steward.application.client.ClientLookup;
import dev.steward.application.port.agent.ApprovalRepository;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.client.Slug;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class ListApprovalsService implements ListApprovalsUseCase {

    private final ApprovalRepository approvals;
    private final ClientRepository clients;
    private final MspRepository msps;

    @Inject
    public ListApprovalsService(ApprovalRepository approvals, ClientRepository clients, MspRepository msps) {
        this.approvals = approvals;
        this.clients = clients;
        this.msps = msps;
    }

    @Override
    public List<ApprovalDetails> pending(MspId msp, Optional<String> client) {
        ClientLookup.requireMsp(msps, msp);
        Optional<ClientId> owner = client.map(slug -> ClientLookup.require(clients, msp, slug).id());
        Map<ClientId, Slug> slugs = new HashMap<>();
        return approvals.pending(msp, owner).stream()
                .map(request -> new ApprovalDetails(request, slugs.computeIfAbsent(request.client(),
                        id -> clients.find(id).map(Client::slug).orElseThrow())))
                .toList();
    }
}

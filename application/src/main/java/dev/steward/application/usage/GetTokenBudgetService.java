package dev.steward.application.usage;

import dev.steward.application.client.ClientLookup;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.reasoning.TokenLedger;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.usage.TokenBudget;
import jakarta.inject.Inject;
import java.util.Optional;

public final class GetTokenBudgetService implements GetTokenBudgetUseCase {

    private final MspRepository msps;
    private final ClientRepository clients;
    private final TokenLedger ledger;

    @Inject
    public GetTokenBudgetService(MspRepository msps, ClientRepository clients, TokenLedger ledger) {
        this.msps = msps;
        this.clients = clients;
        this.ledger = ledger;
    }

    @Override
    public Optional<TokenBudget> budget(MspId msp, Optional<String> client) {
        ClientLookup.requireMsp(msps, msp);
        return client.isPresent() ? ledger.clientBudget(ClientLookup.require(clients, msp, client.get()).id())
                : ledger.mspDefault(msp);
    }
}

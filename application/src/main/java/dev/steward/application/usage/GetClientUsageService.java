package dev.steward.application.usage;

import dev.steward.application.client.ClientLookup;
import dev.steward.application.port.agent.WorkQueue;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.reasoning.TokenLedger;
import dev.steward.domain.client.Client;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.usage.TokenBudget;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;

public final class GetClientUsageService implements GetClientUsageUseCase {

    private final ClientRepository clients;
    private final WorkQueue queue;
    private final TokenLedger ledger;
    private final Clock clock;

    @Inject
    public GetClientUsageService(ClientRepository clients, WorkQueue queue, TokenLedger ledger, Clock clock) {
        this.clients = clients;
        this.queue = queue;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public ClientUsage usage(MspId msp, String slug) {
        Client client = ClientLookup.require(clients, msp, slug);
        YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        Optional<TokenBudget> own = ledger.clientBudget(client.id());
        Optional<TokenBudget> mspDefault = ledger.mspDefault(msp);
        ClientUsage.BudgetSource source = own.isPresent() ? ClientUsage.BudgetSource.CLIENT
                : mspDefault.isPresent() ? ClientUsage.BudgetSource.MSP : ClientUsage.BudgetSource.NONE;
        return new ClientUsage(queue.waiting(client.id(), clock.instant()), month,
                ledger.usedInMonth(client.id(), month), TokenBudget.effective(own, mspDefault), source);
    }
}

package dev.steward.application.inmemory;

import dev.steward.application.port.reasoning.TokenLedger;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.usage.TokenBudget;
import dev.steward.domain.usage.TokenCount;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Token usage and budgets in memory. */
public final class InMemoryTokenLedger implements TokenLedger {

    private final List<TokenUse> uses = new ArrayList<>();
    private final Map<MspId, TokenBudget> mspDefaults = new HashMap<>();
    private final Map<ClientId, TokenBudget> clientBudgets = new HashMap<>();

    @Inject
    public InMemoryTokenLedger() {
    }

    @Override
    public synchronized void record(TokenUse use) {
        uses.add(use);
    }

    @Override
    public synchronized TokenCount usedInMonth(ClientId client, YearMonth month) {
        return uses.stream().filter(u -> u.client().equals(client)
                        && YearMonth.from(u.at().atZone(ZoneOffset.UTC)).equals(month))
                .map(TokenUse::tokens).reduce(TokenCount.NONE, TokenCount::plus);
    }

    @Override
    public synchronized TokenCount usedInSession(UUID session) {
        return uses.stream().filter(u -> u.session().equals(session)).map(TokenUse::tokens)
                .reduce(TokenCount.NONE, TokenCount::plus);
    }

    @Override
    public synchronized Optional<TokenBudget> mspDefault(MspId msp) {
        return Optional.ofNullable(mspDefaults.get(msp));
    }

    @Override
    public synchronized void setMspDefault(MspId msp, Optional<TokenBudget> budget) {
        budget.ifPresentOrElse(b -> mspDefaults.put(msp, b), () -> mspDefaults.remove(msp));
    }

    @Override
    public synchronized Optional<TokenBudget> clientBudget(ClientId client) {
        return Optional.ofNullable(clientBudgets.get(client));
    }

    @Override
    public synchronized void setClientBudget(ClientId client, Optional<TokenBudget> budget) {
        budget.ifPresentOrElse(b -> clientBudgets.put(client, b), () -> clientBudgets.remove(client));
    }
}

package dev.steward.application.usage;

import dev.steward.domain.usage.TokenBudget;
import dev.steward.domain.usage.TokenCount;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/**
 * What a client's agent has on its plate and has used: requests waiting for it, and this month's model tokens
 * against the budget that applies ({@code budgetSource} says whose it is).
 */
public record ClientUsage(int waitingRequests, YearMonth month, TokenCount tokens, Optional<TokenBudget> budget,
                          BudgetSource budgetSource) {

    public enum BudgetSource { CLIENT, MSP, NONE }

    public ClientUsage {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(budgetSource, "budgetSource");
    }
}

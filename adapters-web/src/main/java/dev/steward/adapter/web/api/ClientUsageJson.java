package dev.steward.adapter.web.api;

import dev.steward.application.usage.ClientUsage;
import dev.steward.domain.usage.TokenBudget;
import java.util.Locale;

/**
 * A client's workload: requests waiting for its agent, and this month's model tokens against the budget that applies
 * ({@code budgetSource}: {@code client}, {@code msp} or {@code none}; {@code monthlyBudget} null without one).
 */
public record ClientUsageJson(int waitingRequests, String month, long tokensIn, long tokensOut, long tokensTotal,
                              Long monthlyBudget, String budgetSource) {

    public static ClientUsageJson from(ClientUsage usage) {
        return new ClientUsageJson(usage.waitingRequests(), usage.month().toString(), usage.tokens().in(),
                usage.tokens().out(), usage.tokens().total(), usage.budget().map(TokenBudget::monthlyTokens)
                .orElse(null), usage.budgetSource().name().toLowerCase(Locale.ROOT));
    }
}

package dev.steward.adapter.web.api;

import dev.steward.domain.usage.TokenBudget;
import java.util.Optional;

/** A monthly model-token budget (tokens in + out per calendar month, UTC); null: none set here. */
public record TokenBudgetJson(Long monthlyTokens) {

    public static TokenBudgetJson from(Optional<TokenBudget> budget) {
        return new TokenBudgetJson(budget.map(TokenBudget::monthlyTokens).orElse(null));
    }
}

package dev.steward.application.usage;

import dev.steward.domain.usage.TokenBudget;
import java.util.Optional;

/** Capability: an MSP's default monthly token budget for its clients, and a client's own, which overrides it. */
public interface SetTokenBudgetUseCase {

    /**
     * @return the budget now set there (empty when removed)
     * @throws dev.steward.domain.problem.InvalidValue ({@code monthlyTokens}) for a budget out of range
     * @throws dev.steward.application.problem.NotFound if the MSP has no such client
     */
    Optional<TokenBudget> set(SetTokenBudgetCommand command);
}

package dev.steward.application.usage;

import dev.steward.domain.msp.MspId;
import dev.steward.domain.usage.TokenBudget;
import java.util.Optional;

/** Capability: the monthly token budget set for an MSP's clients (its default), or for one client. */
public interface GetTokenBudgetUseCase {

    /**
     * @param client empty for the MSP's default
     * @return the budget set there; empty when none is (a client without its own follows the MSP's default)
     * @throws dev.steward.application.problem.NotFound if the MSP has no such client
     */
    Optional<TokenBudget> budget(MspId msp, Optional<String> client);
}

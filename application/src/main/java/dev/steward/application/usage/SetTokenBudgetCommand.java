package dev.steward.application.usage;

import dev.steward.domain.msp.MspId;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;

/**
 * Set (or, with an empty {@code monthlyTokens}, remove) a monthly model-token budget: the MSP's default for its
 * clients when {@code client} is empty, else that client's own.
 */
public record SetTokenBudgetCommand(@NotNull MspId msp, @NotNull Optional<String> client,
                                    @NotNull Optional<Long> monthlyTokens) {}

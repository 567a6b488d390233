package dev.steward.application.prompt;

import dev.steward.domain.msp.MspId;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;

/** Replace the MSP prompt (the second tier, for all the MSP's agents). An empty text removes it. */
public record EditMspPromptCommand(@NotNull MspId msp,
                                   @NotNull(message = "is required (use an empty string for none)") String prompt,
                                   @NotNull Optional<Long> expectedVersion) {
}

package dev.steward.application.prompt;

import dev.steward.domain.msp.MspId;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;

/** Replace a client's prompt (the third tier). An empty text removes it. */
public record EditClientPromptCommand(@NotNull MspId msp, @NotNull String slug,
                                      @NotNull(message = "is required (use an empty string for none)") String prompt,
                                      @NotNull Optional<Long> expectedVersion) {
}

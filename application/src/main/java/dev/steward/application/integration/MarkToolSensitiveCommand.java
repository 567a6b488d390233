package dev.steward.application.integration;

import dev.steward.domain.msp.MspId;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;

/** Mark one tool of an integration sensitive (its calls then need a verified requester), or take the mark back. */
public record MarkToolSensitiveCommand(@NotNull MspId msp, @NotNull String integration, @NotNull String tool,
                                       @NotNull Boolean sensitive, @NotNull Optional<Long> expectedVersion) {
}

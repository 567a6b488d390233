package dev.steward.application.integration;

import dev.steward.domain.msp.MspId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;

/** Set one tool's policy ({@code auto}, {@code approval_needed}, {@code disabled}) on an integration. */
public record SetToolPolicyCommand(@NotNull MspId msp, @NotNull String integration, @NotNull String tool,
                                   @NotBlank String policy, @NotNull Optional<Long> expectedVersion) {
}

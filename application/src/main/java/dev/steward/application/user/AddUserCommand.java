package dev.steward.application.user;

import dev.steward.domain.msp.MspId;
import jakarta.validation.constraints.NotNull;

/**
 * Add a user to an MSP: {@code role} is {@code admin}, {@code technician} or {@code viewer}; {@code delivery} is
 * {@code link} (a one-time set-password link) or {@code password} (a generated password shown once).
 */
public record AddUserCommand(@NotNull(message = "is required") MspId msp,
                             @NotNull(message = "is required") String email,
                             @NotNull(message = "is required") String role,
                             @NotNull(message = "is required") String delivery) {
}

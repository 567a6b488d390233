package dev.steward.application.verification;

import dev.steward.domain.approval.UserRole;
import dev.steward.domain.msp.MspId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A technician confirms they verified the caller of the session an approval request belongs to. {@code technician}
 * and {@code role} are the signed-in user's, never taken from the request body.
 */
public record ConfirmIdentityCommand(@NotNull MspId msp, @NotNull String approval,
                                     @NotBlank @Size(max = 200) String technician, @NotNull UserRole role) {
}

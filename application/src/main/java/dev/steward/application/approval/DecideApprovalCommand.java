package dev.steward.application.approval;

import dev.steward.domain.approval.UserRole;
import dev.steward.domain.msp.MspId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Approve or deny one approval request. {@code decidedBy} and {@code role} are the signed-in user's (never taken
 * from the request body); {@code reason} is optional.
 */
public record DecideApprovalCommand(@NotNull MspId msp, @NotNull String approval, @NotNull Decision decision,
                                    @NotBlank @Size(max = 200) String decidedBy, @NotNull UserRole role,
                                    @Size(max = 2000) String reason) {

    public enum Decision { APPROVE, DENY }
}

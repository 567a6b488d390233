package dev.steward.application.workflow;

import dev.steward.domain.approval.UserRole;
import dev.steward.domain.msp.MspId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Activate, archive or return to draft one workflow: {@code status} is {@code active}, {@code archived} or {@code draft}. */
public record ChangeWorkflowStatusCommand(@NotNull(message = "is required") MspId msp,
                                          @NotNull(message = "is required") String id,
                                          @NotBlank(message = "is required") String status,
                                          @NotBlank(message = "is required") @Size(max = 200) String actor,
                                          @NotNull(message = "is required") UserRole role) {
}

package dev.steward.application.workflow;

import dev.steward.domain.approval.UserRole;
import dev.steward.domain.msp.MspId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;

/**
 * Write a new workflow, MSP-wide (no {@code client}) or for the client of that slug, as a draft or already active
 * ({@code status} {@code draft} when absent). {@code actor} and {@code role} are the signed-in caller's: an MSP-wide
 * workflow needs {@code Permission.CHANGE_MSP_WORKFLOWS}, a client's {@code CHANGE_CLIENT_WORKFLOWS}.
 */
public record CreateWorkflowCommand(@NotNull(message = "is required") MspId msp,
                                    @NotNull Optional<String> client,
                                    @NotNull(message = "is required") WorkflowContent content,
                                    Optional<String> status,
                                    @NotBlank(message = "is required") @Size(max = 200) String actor,
                                    @NotNull(message = "is required") UserRole role) {
}

package dev.steward.application.workflow;

import dev.steward.domain.approval.UserRole;
import dev.steward.domain.msp.MspId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;

/**
 * Replace a workflow's content (its status and scope stay). With {@code expectedVersion}, only if that is still its
 * version, so that two technicians editing at once do not overwrite each other unknowingly.
 */
public record EditWorkflowCommand(@NotNull(message = "is required") MspId msp,
                                  @NotNull(message = "is required") String id,
                                  @NotNull Optional<Integer> expectedVersion,
                                  @NotNull(message = "is required") WorkflowContent content,
                                  @NotBlank(message = "is required") @Size(max = 200) String actor,
                                  @NotNull(message = "is required") UserRole role) {
}

package dev.steward.application.runbook;

import dev.steward.domain.approval.UserRole;
import dev.steward.domain.msp.MspId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Write a runbook: with {@code id}, replace that runbook (it keeps its scope); without, create one MSP-wide (no
 * {@code client}) or for the client of that slug, replacing the one of the same name there. Argument values may
 * contain the placeholders of {@code RunbookPlaceholders} ({@code {requester}}, {@code {ticket}} …); tools named
 * {@code psa:<tool>} are the MSP's PSA's. {@code role} is the caller's: an MSP-wide runbook needs
 * {@code Permission.CHANGE_MSP_WORKFLOWS}, a client's {@code CHANGE_CLIENT_WORKFLOWS}.
 */
public record SaveRunbookCommand(@NotNull(message = "is required") MspId msp,
                                 @NotNull Optional<String> client,
                                 @NotNull Optional<String> id,
                                 @NotBlank(message = "is required") @Size(max = 200) String name,
                                 @NotEmpty(message = "needs at least one trigger phrase") List<String> triggers,
                                 @NotNull(message = "is required") List<Step> diagnosis,
                                 @NotNull(message = "is required") List<Action> plan,
                                 @NotNull(message = "is required") UserRole role) {

    /** A read-only check: a tool and its argument templates. */
    public record Step(String tool, Map<String, String> arguments) {
    }

    /** A planned action: a tool, its argument templates and why. */
    public record Action(String tool, Map<String, String> arguments, String reason) {
    }
}

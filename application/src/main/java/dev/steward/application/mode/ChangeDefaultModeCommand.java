package dev.steward.application.mode;

import dev.steward.domain.msp.MspId;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;

/** Set the MSP's default mode: {@code plan} or {@code execute} (never {@code inherit}). */
public record ChangeDefaultModeCommand(@NotNull MspId msp, @NotNull(message = "is required") String mode,
                                       @NotNull Optional<Long> expectedVersion) {
}

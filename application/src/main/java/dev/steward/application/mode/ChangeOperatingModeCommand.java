package dev.steward.application.mode;

import dev.steward.domain.msp.MspId;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;

/** Set a client's mode: {@code plan}, {@code execute} or {@code inherit}. */
public record ChangeOperatingModeCommand(@NotNull MspId msp, @NotNull String slug,
                                         @NotNull(message = "is required") String mode,
                                         @NotNull Optional<Long> expectedVersion) {
}

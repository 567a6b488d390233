package dev.steward.application.client;

import dev.steward.domain.msp.MspId;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;

/**
 * Delete a client. {@code confirmName} must be the client's name typed exactly. {@code expectedVersion}, when given,
 * must be the version the caller saw (optimistic concurrency, e.g. from an {@code If-Match} header).
 */
public record DeleteClientCommand(@NotNull MspId msp, @NotNull String slug,
                                  @NotNull(message = "is required: type the client's name to confirm") String confirmName,
                                  @NotNull Optional<Long> expectedVersion) {
}

package dev.steward.application.client;

import dev.steward.domain.msp.MspId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Register a client. {@code name} is trimmed; {@code slug} is taken as typed (see {@link dev.steward.domain.client.Slug}). */
public record CreateClientCommand(
        @NotNull MspId msp,
        @NotNull(message = "is required") @Size(max = 1_000, message = "must be at most 100 characters") String name,
        @NotNull(message = "is required") @Size(max = 1_000, message = "must be at most 63 characters") String slug) {
}

package dev.steward.application.msp;

import jakarta.validation.constraints.NotNull;

/** Register a new MSP (tenant) by name. */
public record RegisterMspCommand(@NotNull(message = "is required") String name) {
}

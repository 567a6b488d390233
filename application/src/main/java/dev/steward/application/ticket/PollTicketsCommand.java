package dev.steward.application.ticket;

import dev.steward.domain.msp.MspId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** Poll one MSP's PSA for open tickets created at or after {@code since}. */
public record PollTicketsCommand(@NotNull MspId msp, @NotBlank @Size(max = 32) String integrationKind,
                                 @NotNull Instant since) {}

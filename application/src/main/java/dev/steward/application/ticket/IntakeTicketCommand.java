package dev.steward.application.ticket;

import dev.steward.domain.msp.MspId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A ticket to take in: which MSP, which of its PSAs (integration kind), and the PSA's ticket id. */
public record IntakeTicketCommand(@NotNull MspId msp,
                                  @NotBlank @Size(max = 32) String integrationKind,
                                  @NotBlank @Size(max = 64) String ticketId) {}

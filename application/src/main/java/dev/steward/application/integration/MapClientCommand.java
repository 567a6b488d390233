package dev.steward.application.integration;

import dev.steward.domain.msp.MspId;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;

/**
 * Say which entry of the directory of an integration kind a client is (its Microsoft 365 customer tenant, its
 * documentation platform's company), or, with {@code externalId} empty, that it is none. The integration is the
 * client's own of that kind, else the MSP-wide one. {@code expectedExternalId}, when given, is the entry the caller
 * saw the client mapped to ({@code ""} for none): the change is refused if the mapping has moved on since.
 */
public record MapClientCommand(@NotNull(message = "is required") MspId msp,
                               @NotNull(message = "is required") String slug,
                               @NotNull(message = "is required") String kind,
                               @NotNull Optional<String> externalId,
                               @NotNull Optional<String> expectedExternalId) {
}

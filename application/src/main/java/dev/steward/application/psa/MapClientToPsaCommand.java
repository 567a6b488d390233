package dev.steward.application.psa;

import dev.steward.domain.msp.MspId;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;

/**
 * Say which company (ConnectWise company id, HaloPSA client id, Autotask account id) of which connected PSA a client
 * is, so that the PSA's tickets for that company reach the client's agent. Both {@code integrationKind} and
 * {@code companyId} empty removes the mapping. {@code expectedVersion}, when given, must be the client's version.
 */
public record MapClientToPsaCommand(@NotNull(message = "is required") MspId msp,
                                    @NotNull(message = "is required") String slug,
                                    String integrationKind,
                                    String companyId,
                                    @NotNull Optional<Long> expectedVersion) {
}

package dev.steward.application.integration;

import dev.steward.domain.msp.MspId;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;

/**
 * What the authorization server sent the person back with: the state, and either a code or an error (with its
 * description), as the redirect's query parameters carried them.
 */
public record CompleteAuthorizationCommand(@NotNull MspId msp, String state, Optional<String> code,
                                           Optional<String> error, Optional<String> errorDescription) {

    /** Shows neither the state nor the code: both are good for one authorization. */
    @Override
    public String toString() {
        return "CompleteAuthorizationCommand[msp=" + msp + ", error=" + error + "]";
    }
}

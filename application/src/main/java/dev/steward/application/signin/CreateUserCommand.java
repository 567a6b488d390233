package dev.steward.application.signin;

import dev.steward.domain.msp.MspId;
import jakarta.validation.constraints.NotNull;

/** Add a user to an MSP. {@code role} is {@code admin}, {@code technician} or {@code viewer}. */
public record CreateUserCommand(@NotNull(message = "is required") MspId msp,
                                @NotNull(message = "is required") String email,
                                @NotNull(message = "is required") String password,
                                @NotNull(message = "is required") String role) {

    @Override
    public String toString() {
        return "CreateUserCommand[" + email + ", " + role + ", msp " + msp + "]";
    }
}

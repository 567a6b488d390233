package dev.steward.application.signin;

import dev.steward.domain.approval.UserRole;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a request acts for, once its credentials were checked: always one MSP, the user (for an API token, the user who
 * issued it), a name for audit lines ({@code ann@msp.example} or {@code api-token:ci}) and, for a browser session,
 * the CSRF token its unsafe requests must echo.
 */
public record Caller(MspId msp, UserId user, String actor, UserRole role, Optional<String> csrfToken) {

    public Caller {
        Objects.requireNonNull(msp, "msp");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(csrfToken, "csrfToken");
    }

    /** Signed in with a browser session (cookie), as opposed to an API token. */
    public boolean browser() {
        return csrfToken.isPresent();
    }
}

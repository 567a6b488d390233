package dev.steward.application.signin;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a dashboard session may go unused before it ends ({@code STEWARD_SESSION_IDLE_MINUTES}), besides its
 * absolute {@link SignInService#SESSION_LENGTH}: a browser left signed in on a shared desk stops working on its own.
 */
public record IdleTimeout(Duration value) {

    /** Half an hour, the default. */
    public static final IdleTimeout DEFAULT = new IdleTimeout(Duration.ofMinutes(30));

    public IdleTimeout {
        Objects.requireNonNull(value, "value");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("an idle timeout must be positive");
        }
    }
}

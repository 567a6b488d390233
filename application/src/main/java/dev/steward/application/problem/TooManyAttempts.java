package dev.steward.application.problem;

import java.time.Duration;

/** Too many failed sign-ins: further attempts are refused, unchecked, until {@link #retryAfter()} has passed. */
public final class TooManyAttempts extends ApplicationException {

    private final Duration retryAfter;

    public TooManyAttempts(Duration retryAfter) {
        super("too many failed sign-in attempts; try again in " + Math.max(1, retryAfter.toSeconds()) + " s", null);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}

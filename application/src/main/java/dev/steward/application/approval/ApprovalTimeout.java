package dev.steward.application.approval;

import java.time.Duration;
import java.util.Objects;

/**
 * How long an approval request waits for a technician before it expires, which counts as a denial
 * ({@code STEWARD_APPROVAL_TIMEOUT_MS}, default 24 hours).
 */
public record ApprovalTimeout(Duration value) {

    public static final ApprovalTimeout DEFAULT = new ApprovalTimeout(Duration.ofHours(24));

    public ApprovalTimeout {
        Objects.requireNonNull(value, "value");
        if (value.toSeconds() < 1) {
            throw new IllegalArgumentException("an approval waits at least a second");
        }
    }

    /** "24 hours", "90 minutes", "45 seconds": how the expiry reason says it. */
    public String describe() {
        if (value.toSeconds() % 3600 == 0) {
            return value.toHours() + (value.toHours() == 1 ? " hour" : " hours");
        }
        if (value.toSeconds() % 60 == 0) {
            return value.toMinutes() + (value.toMinutes() == 1 ? " minute" : " minutes");
        }
        return value.toSeconds() + (value.toSeconds() == 1 ? " second" : " seconds");
    }
}

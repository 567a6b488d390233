package dev.steward.domain.user;

import dev.steward.domain.problem.InvalidValue;

/**
 * A new password as chosen by a user: 12 to 256 characters (length over composition rules, as NIST SP 800-63B
 * advises). Never printed: {@link #toString()} hides it so it cannot leak into a log line or an error message.
 */
public record Password(String value) {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;

    public Password {
        if (value == null || value.isEmpty()) {
            throw InvalidValue.of("password", "required", "is required");
        }
        if (value.length() < MIN_LENGTH) {
            throw InvalidValue.of("password", "too-short", "must be at least " + MIN_LENGTH + " characters");
        }
        if (value.length() > MAX_LENGTH) {
            throw InvalidValue.of("password", "too-long", "must be at most " + MAX_LENGTH + " characters");
        }
        if (value.isBlank()) {
            throw InvalidValue.of("password", "blank", "must not be only blanks");
        }
    }

    @Override
    public String toString() {
        return "Password[hidden]";
    }
}

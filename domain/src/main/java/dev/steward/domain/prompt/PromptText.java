package dev.steward.domain.prompt;

import dev.steward.domain.problem.InvalidValue;

/** Free prompt text written by an MSP or for a client; at most 20,000 characters, may be empty. */
public record PromptText(String value) {

    public static final int MAX_LENGTH = 20_000;
    public static final PromptText EMPTY = new PromptText("");

    public PromptText {
        if (value == null) {
            throw InvalidValue.of("prompt", "required", "is required (use an empty string for none)");
        }
        if (value.length() > MAX_LENGTH) {
            throw InvalidValue.of("prompt", "too-long", "must be at most 20000 characters (got " + value.length() + ")");
        }
        if (value.indexOf('\0') >= 0) {
            throw InvalidValue.of("prompt", "nul-character", "must not contain NUL characters");
        }
    }

    public static PromptText of(String value) {
        return new PromptText(value);
    }

    public boolean isBlank() {
        return value.isBlank();
    }
}

package dev.steward.domain.msp;

import dev.steward.domain.problem.InvalidValue;
import dev.steward.domain.text.VisibleText;

/** An MSP's display name, 1-100 characters, trimmed. */
public record MspName(String value) {

    public MspName {
        if (value == null || value.isBlank()) {
            throw InvalidValue.of("mspName", "required", "is required");
        }
        if (!value.equals(value.strip())) {
            throw InvalidValue.of("mspName", "untrimmed", "must not start or end with blanks");
        }
        if (value.length() > 100) {
            throw InvalidValue.of("mspName", "too-long", "must be at most 100 characters");
        }
        VisibleText.require("mspName", value);
    }

    @Override
    public String toString() {
        return value;
    }
}

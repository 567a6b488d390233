package dev.steward.domain.client;

import dev.steward.domain.problem.InvalidValue;
import dev.steward.domain.text.VisibleText;

/**
 * A client's display name: 1-100 characters, already trimmed. Trimming is the edge's job (it is visible there);
 * a name with leading or trailing blanks is refused here rather than silently changed.
 */
public record ClientName(String value) {

    public static final int MAX_LENGTH = 100;

    public ClientName {
        if (value == null || value.isBlank()) {
            throw InvalidValue.of("name", "required", "is required");
        }
        if (!value.equals(value.strip())) {
            throw InvalidValue.of("name", "untrimmed", "must not start or end with blanks");
        }
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw InvalidValue.of("name", "too-long", "must be at most 100 characters");
        }
        VisibleText.require("name", value);
    }

    /** Trims the raw input (the visible normalisation at the edge) and validates it. */
    public static ClientName trimmed(String raw) {
        return new ClientName(raw == null ? null : raw.strip());
    }

    @Override
    public String toString() {
        return value;
    }
}

package dev.steward.domain.workflow;

import dev.steward.domain.problem.InvalidValue;
import dev.steward.domain.text.VisibleText;
import java.util.Locale;

/**
 * A workflow's name: 1-200 visible characters, already trimmed (trimming is the edge's job, see {@link #trimmed}).
 * Names are compared ignoring case: within a scope two workflows cannot be "VPN" and "vpn", and a workflow named
 * like one further down the precedence (client → MSP → built-in) replaces it whatever the case.
 */
public record WorkflowName(String value) {

    public static final int MAX_LENGTH = 200;

    public WorkflowName {
        if (value == null || value.isBlank()) {
            throw InvalidValue.of("name", "required", "is required");
        }
        if (!value.equals(value.strip())) {
            throw InvalidValue.of("name", "untrimmed", "must not start or end with blanks");
        }
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw InvalidValue.of("name", "too-long", "must be at most " + MAX_LENGTH + " characters");
        }
        VisibleText.require("name", value);
    }

    /** Trims the raw input (the visible normalisation at the edge) and validates it. */
    public static WorkflowName trimmed(String raw) {
        return new WorkflowName(raw == null ? null : raw.strip());
    }

    /** The key two names are compared by: the same for "VPN" and "vpn". */
    public String key() {
        return value.toLowerCase(Locale.ROOT);
    }

    public boolean sameAs(WorkflowName other) {
        return key().equals(other.key());
    }

    @Override
    public String toString() {
        return value;
    }
}

package dev.steward.application.port;

import java.util.Objects;
import java.util.UUID;

/** Identifies one stored runbook. */
public record RunbookId(UUID value) {

    public RunbookId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

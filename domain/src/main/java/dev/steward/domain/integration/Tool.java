package dev.steward.domain.integration;

import java.util.Objects;

/** A capability an integration exposes to agents, classified read-only or write. */
public record Tool(ToolName name, ToolEffect effect, String description) {

    public Tool {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(effect, "effect");
        description = description == null ? "" : description;
    }

    public static Tool readOnly(String name, String description) {
        return new Tool(ToolName.of(name), ToolEffect.READ_ONLY, description);
    }

    public static Tool write(String name, String description) {
        return new Tool(ToolName.of(name), ToolEffect.WRITE, description);
    }
}

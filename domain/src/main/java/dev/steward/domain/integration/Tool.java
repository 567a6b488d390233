package dev.steward.domain.integration;

import java.util.Objects;

/**
 * A capability an integration exposes to agents: classified read-only or write, with the input it takes, and
 * whether its catalog marks it sensitive (it runs only for a requester whose identity was verified in the session,
 * e.g. a password reset; an MSP may mark more tools so, see {@link Integration#isSensitive}).
 */
public record Tool(ToolName name, ToolEffect effect, String description, ToolInput input, boolean sensitive) {

    public Tool {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(effect, "effect");
        description = description == null ? "" : description;
        Objects.requireNonNull(input, "input");
    }

    /** A tool taking no arguments, not sensitive. */
    public Tool(ToolName name, ToolEffect effect, String description) {
        this(name, effect, description, ToolInput.NONE, false);
    }

    public static Tool readOnly(String name, String description) {
        return new Tool(ToolName.of(name), ToolEffect.READ_ONLY, description);
    }

    public static Tool write(String name, String description) {
        return new Tool(ToolName.of(name), ToolEffect.WRITE, description);
    }

    /** The same tool taking {@code parameters}. */
    public Tool taking(ToolParameter... parameters) {
        return new Tool(name, effect, description, ToolInput.of(parameters), sensitive);
    }

    /** The same tool with {@code input}. */
    public Tool withInput(ToolInput newInput) {
        return new Tool(name, effect, description, newInput, sensitive);
    }

    /** The same tool, marked sensitive by its catalog. */
    public Tool asSensitive() {
        return new Tool(name, effect, description, input, true);
    }
}

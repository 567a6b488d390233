package dev.steward.domain.integration;

import dev.steward.domain.problem.InvalidValue;
import java.util.regex.Pattern;

/**
 * A tool's qualified name: {@code <integration>:<tool>} (e.g. {@code m365:reset-password}) or, for custom MCP
 * servers, {@code mcp:<server>:<tool>}. Each part is lower-kebab, 1-63 characters.
 */
public record ToolName(String value) {

    private static final Pattern PART = Pattern.compile("[a-z0-9]([a-z0-9_-]{0,61}[a-z0-9])?");

    public ToolName {
        if (value == null || value.isEmpty()) {
            throw InvalidValue.of("tool", "required", "is required");
        }
        String[] parts = value.split(":", -1);
        boolean mcp = parts.length == 3 && parts[0].equals("mcp");
        if (!(parts.length == 2 || mcp)) {
            throw InvalidValue.of("tool", "malformed", "must be <integration>:<tool> or mcp:<server>:<tool>");
        }
        for (String part : parts) {
            if (!PART.matcher(part).matches()) {
                throw InvalidValue.of("tool", "malformed",
                        "parts must be 1-63 characters of a-z, 0-9, '-' or '_', starting and ending with a letter or digit");
            }
        }
    }

    public static ToolName of(String value) {
        return new ToolName(value);
    }

    /** The integration part: {@code m365} for {@code m365:get-user}, {@code mcp:docs} for an MCP tool. */
    public String integration() {
        return value.substring(0, value.lastIndexOf(':'));
    }

    /** The tool's own name, without the integration. */
    public String action() {
        return value.substring(value.lastIndexOf(':') + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}

package dev.steward.application.spi;

import dev.steward.application.stability.Stable;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What a tool call produced: a summary for the reasoner and the activity log (never a secret), and values to reveal
 * once to the technician who approved the call (a temporary password, a temporary access pass), which Steward keeps
 * in memory only until that technician has seen them. A summary that contains one of those values is refused, so a
 * provider cannot leak one by mistake.
 */
@Stable
public record ToolResult(String summary, Map<String, String> reveal) {

    public ToolResult {
        Objects.requireNonNull(summary, "summary");
        reveal = Map.copyOf(reveal);
        for (String value : reveal.values()) {
            if (!value.isEmpty() && summary.contains(value)) {
                throw new IllegalArgumentException("a tool result's summary must not contain a value to reveal");
            }
        }
    }

    public static ToolResult of(String summary) {
        return new ToolResult(summary, Map.of());
    }

    /** A result whose {@code secrets} (name → value) go only to the approving technician. */
    public static ToolResult revealing(String summary, Map<String, String> secrets) {
        return new ToolResult(summary, secrets);
    }

    /** Names the values to reveal, never the values. */
    @Override
    public String toString() {
        return "ToolResult[" + summary + (reveal.isEmpty() ? "" : ", reveal " + new TreeSet<>(reveal.keySet())) + "]";
    }
}

package dev.steward.application.port.reasoning;

import dev.steward.domain.integration.ToolName;
import java.util.Map;
import java.util.Objects;

/** A tool call the agent would make to resolve the request, with why. Planned, not executed. */
public record PlannedAction(ToolName tool, Map<String, String> arguments, String reason) {

    public PlannedAction {
        Objects.requireNonNull(tool, "tool");
        arguments = Map.copyOf(arguments);
        reason = reason == null ? "" : reason;
    }
}

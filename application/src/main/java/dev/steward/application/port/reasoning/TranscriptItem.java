package dev.steward.application.port.reasoning;

import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.integration.ToolName;
import java.util.Map;
import java.util.Objects;

/** A tool call the agent made in this session and what came back (or why it was refused), in the order made. */
public record TranscriptItem(ToolName tool, Map<String, String> arguments, ActivityOutcome outcome, String result) {

    public TranscriptItem {
        Objects.requireNonNull(tool, "tool");
        arguments = Map.copyOf(arguments);
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(result, "result");
    }
}

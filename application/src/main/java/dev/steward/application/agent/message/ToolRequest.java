package dev.steward.application.agent.message;

import dev.steward.domain.integration.ToolName;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A tool call an agent asks the control plane to make for one of its sessions. {@code step} names the call within
 * the session; execution calls are made at most once per step (a work item delivered again gets the recorded
 * answer). {@code approval} asks to run the call a technician approved — with the arguments kept with the approval,
 * not any the agent sends. {@code reason} is the plan's words for an execution step.
 */
public record ToolRequest(String step, ToolPhase phase, ToolName tool, Map<String, String> arguments, String reason,
                          Optional<UUID> approval) {

    public ToolRequest {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(tool, "tool");
        arguments = Map.copyOf(arguments);
        reason = reason == null ? "" : reason;
        Objects.requireNonNull(approval, "approval");
    }

    /** Never prints argument values: they may hold secrets. */
    @Override
    public String toString() {
        return "ToolRequest[" + step + ", " + phase + ", " + tool + ", arguments " + arguments.keySet() + "]";
    }
}

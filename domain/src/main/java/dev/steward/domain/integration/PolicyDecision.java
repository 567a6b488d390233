package dev.steward.domain.integration;

import dev.steward.domain.mode.EffectiveMode;
import java.util.Objects;

/**
 * What the tool gateway does with one call: run it, ask a technician first, or refuse it. The rule lives here so
 * that the gateway, tests and any embedder agree on it.
 */
public sealed interface PolicyDecision {

    record Run() implements PolicyDecision {}

    record AskApproval(ToolName tool) implements PolicyDecision {}

    record Refuse(Reason reason, String message) implements PolicyDecision {}

    enum Reason { BY_MODE, BY_POLICY }

    /**
     * Plan mode runs read-only tools only and never asks for approval; execute mode follows each tool's policy.
     * A disabled tool is refused in every mode.
     */
    static PolicyDecision decide(EffectiveMode mode, Tool tool, ToolPolicy policy) {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(policy, "policy");
        if (policy == ToolPolicy.DISABLED) {
            return new Refuse(Reason.BY_POLICY, tool.name() + " is disabled by policy");
        }
        if (mode == EffectiveMode.PLAN) {
            if (tool.effect() == ToolEffect.WRITE) {
                return new Refuse(Reason.BY_MODE, tool.name() + " is a write tool and the agent is in plan mode");
            }
            if (policy == ToolPolicy.APPROVAL_NEEDED) {
                return new Refuse(Reason.BY_MODE, tool.name() + " needs approval, which plan mode never asks for");
            }
            return new Run();
        }
        return policy == ToolPolicy.AUTO ? new Run() : new AskApproval(tool.name());
    }
}

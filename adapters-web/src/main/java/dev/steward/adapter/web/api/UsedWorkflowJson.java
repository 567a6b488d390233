package dev.steward.adapter.web.api;

import dev.steward.domain.workflow.AppliedWorkflow;

/** One workflow version a session used, as the activity API names it (the agent API's AgentAppliedWorkflow shape). */
public record UsedWorkflowJson(String id, String name, int version) {

    public static UsedWorkflowJson from(AppliedWorkflow used) {
        return new UsedWorkflowJson(used.id().toString(), used.name().value(), used.version());
    }

    /** {@code Locked out v3}, as activity and notes name it. */
    public String label() {
        return name + " v" + version;
    }
}

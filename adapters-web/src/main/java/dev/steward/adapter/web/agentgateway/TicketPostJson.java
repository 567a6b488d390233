package dev.steward.adapter.web.agentgateway;

import dev.steward.domain.workflow.AppliedWorkflow;
import dev.steward.domain.workflow.WorkflowId;
import dev.steward.domain.workflow.WorkflowName;
import java.util.List;
import java.util.UUID;

/**
 * Body of {@code POST /agent/v1/sessions/{session}/posts}: {@code kind} is {@code note}, {@code internal},
 * {@code reply}, {@code approval-request} or {@code hand-off}; {@code planDigest} identifies a note's plan;
 * {@code workflows} (a note's only; missing means none) are the workflow versions its diagnosis applied.
 */
public record TicketPostJson(String step, String kind, String text, String planDigest,
                             List<AppliedWorkflowJson> workflows) {

    /** One workflow version: its id, its name then, and its version number. */
    public record AppliedWorkflowJson(String id, String name, int version) {

        static AppliedWorkflowJson from(AppliedWorkflow applied) {
            return new AppliedWorkflowJson(applied.id().toString(), applied.name().value(), applied.version());
        }

        /** @throws IllegalArgumentException or an InvalidValue when it names no workflow version */
        AppliedWorkflow toApplied() {
            return new AppliedWorkflow(new WorkflowId(UUID.fromString(String.valueOf(id))), new WorkflowName(name),
                    version);
        }
    }
}

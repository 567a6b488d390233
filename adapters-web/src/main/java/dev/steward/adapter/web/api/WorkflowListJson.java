package dev.steward.adapter.web.api;

import dev.steward.application.workflow.WorkflowDetails;
import java.util.List;

/** The workflows of one scope (MSP-wide, one client's, or built in), ordered by name. */
public record WorkflowListJson(List<WorkflowJson> items) {

    public static WorkflowListJson from(List<WorkflowDetails> workflows) {
        return new WorkflowListJson(workflows.stream().map(WorkflowJson::from).toList());
    }
}

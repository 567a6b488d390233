package dev.steward.adapter.web.api;

import dev.steward.application.workflow.WorkflowContent;
import java.util.List;
import java.util.Optional;

/**
 * Body of creating a workflow (POST; {@code status} {@code draft} or {@code active}, draft when absent) or editing
 * one (PUT; {@code version}, when given, is the version the edit is based on: another one meanwhile is a 409).
 * Missing check or action lists are none.
 */
public record WriteWorkflowJson(String name, String trigger, String instructions, List<WorkflowJson.CheckJson> checks,
                                List<WorkflowJson.ActionJson> actions, String status, Integer version) {

    WorkflowContent content() {
        return new WorkflowContent(name, trigger, instructions,
                checks == null ? List.of() : checks.stream().map(c -> c == null ? null
                        : new WorkflowContent.Check(c.tool(), c.arguments())).toList(),
                actions == null ? List.of() : actions.stream().map(a -> a == null ? null
                        : new WorkflowContent.Action(a.tool(), a.arguments(), a.reason())).toList());
    }

    Optional<String> requestedStatus() {
        return Optional.ofNullable(status);
    }

    Optional<Integer> basedOn() {
        return Optional.ofNullable(version);
    }
}

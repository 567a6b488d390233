package dev.steward.application.workflow;

import dev.steward.domain.client.Slug;
import dev.steward.domain.workflow.Workflow;
import dev.steward.domain.workflow.WorkflowVersion;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A workflow as it may be shown: with the slug of the client it belongs to (none when MSP-wide) and who changed it
 * when (every version, oldest first; only the current one in lists).
 */
public record WorkflowDetails(Workflow workflow, Optional<Slug> client, List<WorkflowVersion> history) {

    public WorkflowDetails {
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(client, "client");
        history = List.copyOf(history);
    }
}

package dev.steward.domain.workflow;

import dev.steward.domain.problem.InvalidValue;
import java.time.Instant;
import java.util.Objects;

/**
 * Which version of a workflow this is, and who made it when. Every change (an edit or a status change) makes the next
 * version; version 1 is the workflow as created. {@code changedBy} is the signed-in user or API token's actor name.
 */
public record WorkflowVersion(int number, String changedBy, Instant changedAt) {

    public WorkflowVersion {
        if (number < 1) {
            throw InvalidValue.of("version", "must be at least 1");
        }
        if (changedBy == null || changedBy.isBlank()) {
            throw InvalidValue.of("changedBy", "required", "is required");
        }
        Objects.requireNonNull(changedAt, "changedAt");
    }

    public static WorkflowVersion first(String by, Instant at) {
        return new WorkflowVersion(1, by, at);
    }

    public WorkflowVersion next(String by, Instant at) {
        return new WorkflowVersion(number + 1, by, at);
    }
}

package dev.steward.domain.workflow;

import dev.steward.domain.problem.InvalidValue;
import java.util.Objects;

/** One workflow version a session used: enough to find exactly what the agent was told, even after later edits. */
public record AppliedWorkflow(WorkflowId id, WorkflowName name, int version) {

    public AppliedWorkflow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (version < 1) {
            throw InvalidValue.of("version", "must be at least 1");
        }
    }

    /** {@code Locked out v3}: how activity and notes name it. */
    public String label() {
        return name.value() + " v" + version;
    }
}

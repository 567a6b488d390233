package dev.steward.domain.workflow;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/** Identifies one workflow across all its versions. */
public record WorkflowId(UUID value) {

    public WorkflowId {
        Objects.requireNonNull(value, "value");
    }

    /** A built-in workflow's id: derived from its name, so it is the same in every installation and release. */
    public static WorkflowId builtIn(WorkflowName name) {
        return new WorkflowId(UUID.nameUUIDFromBytes(("steward:workflow:" + name.value())
                .getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

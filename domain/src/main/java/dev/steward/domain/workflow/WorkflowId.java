package dev.steward.domain.workflow;

import java.util.Objects;
import java.util.UUID;

/** Identifies one workflow across all its versions. */
public record WorkflowId(UUID value) {

    public WorkflowId {
        Objects.requireNonNull(value, "value");
    }

    /** A built-in workflow's id: derived from its name, so it is the same in every installation and release. */
    public static WorkflowId builtIn(WorkflowName name) {
        String key = "steward:workflow:" + name.value();
        // the UTF-16 code units, two bytes each: deterministic without java.nio's charsets (the domain does no I/O)
        byte[] bytes = new byte[key.length() * 2];
        for (int i = 0; i < key.length(); i++) {
            bytes[2 * i] = (byte) (key.charAt(i) >> 8);
            bytes[2 * i + 1] = (byte) key.charAt(i);
        }
        return new WorkflowId(UUID.nameUUIDFromBytes(bytes));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

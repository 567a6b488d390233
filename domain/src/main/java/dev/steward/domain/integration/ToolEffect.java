package dev.steward.domain.integration;

/** Whether a tool only reads or also changes something in the client's systems. */
public enum ToolEffect {
    READ_ONLY,
    WRITE;

    public String label() {
        return this == READ_ONLY ? "read-only" : "write";
    }
}

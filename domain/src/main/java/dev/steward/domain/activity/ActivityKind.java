package dev.steward.domain.activity;

/** A line of the activity log is either a tool call or a line of the conversation transcript. */
public enum ActivityKind {
    TOOL_CALL,
    /** The request that started a session. */
    REQUEST,
    /** Something the agent said or reasoned. */
    AGENT_MESSAGE,
    /** An internal note posted on the source ticket. */
    NOTE,
    /** A reply visible to the requester. */
    REPLY,
    /** An approval asked for or decided. */
    APPROVAL,
    /** The requester's identity verified, or not, before a sensitive action (never the push's details). */
    VERIFICATION
}

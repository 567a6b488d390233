package dev.steward.application.activity;

/**
 * Capability: read the audit log (tool calls and transcript lines together), filtered and paged, newest first, with
 * the workflow versions each session on the page used.
 */
public interface ListActivityUseCase {

    /**
     * @throws dev.steward.application.problem.InvalidCommand naming every malformed filter (unknown outcome, malformed
     *         tool name or time, foreign cursor, limit out of range)
     * @throws dev.steward.application.problem.NotFound if {@code client} names no client of the MSP
     */
    ActivityPage list(ListActivityQuery query);
}

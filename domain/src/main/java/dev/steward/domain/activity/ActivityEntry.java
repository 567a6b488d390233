package dev.steward.domain.activity;

import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.msp.MspId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One append-only line of the audit log: a tool call the agent made (tool, redacted arguments, outcome, summary,
 * duration) or a transcript line (the request, a message, a note, a reply). {@code ticket} is the external
 * reference of the session's source (e.g. a PSA ticket number); {@code actor} says who decided an approval.
 */
public record ActivityEntry(
        UUID id,
        MspId msp,
        ClientId client,
        Optional<UUID> session,
        Optional<String> ticket,
        Instant at,
        ActivityKind kind,
        Optional<ToolName> tool,
        RedactedArguments arguments,
        ActivityOutcome outcome,
        String summary,
        Duration duration,
        Optional<String> actor) {

    public static final int MAX_SUMMARY = 10_000;

    public ActivityEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(msp, "msp");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(actor, "actor");
        if (kind == ActivityKind.TOOL_CALL && tool.isEmpty()) {
            throw new IllegalArgumentException("a tool call names its tool");
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative");
        }
        if (summary.length() > MAX_SUMMARY) {
            summary = summary.substring(0, MAX_SUMMARY - 1) + "…";
        }
    }
}

package dev.steward.application.port.agent;

import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.ToolName;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One thing a session did to the outside world at one step: a note, reply, approval comment or hand-off on the
 * ticket, or a tool call of the plan. {@code fingerprint} identifies what was asked (so a replay that asks something
 * else is told apart); {@code finished} is false while the effect is under way, or when its process died before it
 * could say how it went. Never holds a secret: {@code summary} is what the activity log may show.
 */
public record SessionEffect(UUID session, ClientId client, String step, Kind kind, String fingerprint,
                            boolean finished, ActivityOutcome outcome, String summary, Optional<String> noteId,
                            Optional<ToolName> tool, String reason, Optional<UUID> approval, Instant at) {

    public static final int MAX_STEP = 200;

    public enum Kind { TOOL_CALL, NOTE, INTERNAL_NOTE, REPLY, APPROVAL_REQUEST, HANDOFF_NOTE, TICKET_STATUS }

    public SessionEffect {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(noteId, "noteId");
        Objects.requireNonNull(tool, "tool");
        reason = reason == null ? "" : reason;
        Objects.requireNonNull(approval, "approval");
        Objects.requireNonNull(at, "at");
        if (step == null || step.isBlank() || step.length() > MAX_STEP) {
            throw new IllegalArgumentException("a step is 1-" + MAX_STEP + " characters");
        }
        if (summary.length() > 2000) {
            summary = summary.substring(0, 1999) + "…";
        }
    }

    /** An effect about to happen. */
    public static SessionEffect begun(UUID session, ClientId client, String step, Kind kind, String fingerprint,
                                      Optional<ToolName> tool, String reason, Instant at) {
        return new SessionEffect(session, client, step, kind, fingerprint, false, ActivityOutcome.OK, "",
                Optional.empty(), tool, reason, Optional.empty(), at);
    }

    /** The same effect, done, with how it went. */
    public SessionEffect done(ActivityOutcome result, String what, Optional<String> note, Optional<UUID> raised) {
        return new SessionEffect(session, client, step, kind, fingerprint, true, result, what, note, tool, reason,
                raised, at);
    }
}

package dev.steward.application.agent.message;

import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.mode.EffectiveMode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A work item as the agent receives it: the lease that proves it holds the item, the session it belongs to, what to
 * do, and — for work that continues a session — what the session's plan already did. {@code configVersion} is the
 * client's current configuration: an agent running an older one fetches the new one before it starts.
 * {@code pendingApprovals} counts the session's other approvals still to come (undecided, or approved and not run
 * yet): while there are any, the session waits and nobody is answered yet.
 */
public record Assignment(UUID work, UUID lease, Instant leaseUntil, int delivery, long configVersion,
                         Session session, Task task, List<StepResult> results, int pendingApprovals) {

    public Assignment {
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(task, "task");
        results = List.copyOf(results);
    }

    /** The session: its id, the source ticket, who asked, and the mode it started in (the gateway enforces it). */
    public record Session(UUID id, String ticket, String requester, EffectiveMode mode) {
        public Session {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(ticket, "ticket");
            requester = requester == null ? "" : requester;
            Objects.requireNonNull(mode, "mode");
        }
    }

    public sealed interface Task {

        /** A new request: diagnose, note, and in execute mode carry out the plan. */
        record Start(String request) implements Task {
            public Start {
                Objects.requireNonNull(request, "request");
            }
        }

        /** The requester wrote again: work the request again with their new words. */
        record FollowUp(String request, String noteId, String text) implements Task {
            public FollowUp {
                Objects.requireNonNull(request, "request");
                Objects.requireNonNull(noteId, "noteId");
                Objects.requireNonNull(text, "text");
            }
        }

        /** One of the session's approvals was decided: run the approved call, or tell the requester it was not. */
        record Decided(UUID approval, ToolName tool, String reason, Decision decision, String by, String why)
                implements Task {
            public Decided {
                Objects.requireNonNull(approval, "approval");
                Objects.requireNonNull(tool, "tool");
                reason = reason == null ? "" : reason;
                Objects.requireNonNull(decision, "decision");
                by = by == null ? "" : by;
                why = why == null ? "" : why;
            }
        }
    }

    public enum Decision { APPROVED, DENIED, EXPIRED }

    /**
     * One step of the session's current plan and how it went: run, failed, refused, awaiting approval, approved (not
     * run yet) or denied (an approval denied or expired). {@code reason} is the plan's own words for it;
     * {@code approval} the approval the step waited for, if it did.
     */
    public record StepResult(ToolName tool, String reason, ActivityOutcome outcome, String summary,
                             Optional<UUID> approval) {
        public StepResult {
            Objects.requireNonNull(tool, "tool");
            reason = reason == null ? "" : reason;
            Objects.requireNonNull(outcome, "outcome");
            summary = summary == null ? "" : summary;
            Objects.requireNonNull(approval, "approval");
        }
    }
}

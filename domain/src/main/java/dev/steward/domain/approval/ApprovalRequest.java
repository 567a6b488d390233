package dev.steward.domain.approval;

import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.activity.ActivityKind;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.activity.RedactedArguments;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.ApprovalNotAllowed;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A paused tool call waiting for a technician (execute mode, policy approval_needed). Decided once, by an admin or
 * technician; the decision is kept with who, when and why.
 */
public record ApprovalRequest(
        UUID id,
        MspId msp,
        ClientId client,
        UUID session,
        String ticket,
        ToolName tool,
        RedactedArguments arguments,
        String plan,
        Instant requestedAt,
        ApprovalState state) {

    /** Who "decides" an expired request, in the activity log. */
    public static final String EXPIRY = "steward (expiry)";

    public ApprovalRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(msp, "msp");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(state, "state");
    }

    public static ApprovalRequest raise(UUID id, MspId msp, ClientId client, UUID session, String ticket, ToolName tool,
                                        RedactedArguments arguments, String plan, Instant at) {
        return new ApprovalRequest(id, msp, client, session, ticket, tool, arguments, plan, at,
                new ApprovalState.Pending());
    }

    public boolean isPending() {
        return state instanceof ApprovalState.Pending;
    }

    public ApprovalRequest approve(String by, UserRole role, String reason, Instant at) {
        checkDecidable(role);
        return withState(new ApprovalState.Approved(by, at, reason));
    }

    public ApprovalRequest deny(String by, UserRole role, String reason, Instant at) {
        checkDecidable(role);
        return withState(new ApprovalState.Denied(by, at, reason));
    }

    /** Not decided in time: treated as a denial whose reason says so. */
    public ApprovalRequest expire(Instant at, String reason) {
        if (!isPending()) {
            throw new ApprovalNotAllowed("already-decided", "this approval request was already decided");
        }
        return withState(new ApprovalState.Expired(at, reason));
    }

    /** Whether the call may run: only an approved request. */
    public boolean isApproved() {
        return state instanceof ApprovalState.Approved;
    }

    /** Whether it expires at {@code now} after {@code timeout}: still pending and requested that long ago or more. */
    public boolean isDueToExpire(Instant now, Duration timeout) {
        return isPending() && !requestedAt.plus(timeout).isAfter(now);
    }

    /** The audit-log line of the decision: who approved or denied which tool call on which ticket, and why. */
    public ActivityEntry decisionEntry(UUID entryId) {
        return switch (state) {
            case ApprovalState.Pending pending -> throw new IllegalStateException("a pending request has no decision");
            case ApprovalState.Approved a -> decisionEntry(entryId, ActivityOutcome.APPROVED, a.by(), a.at(),
                    a.reason());
            case ApprovalState.Denied d -> decisionEntry(entryId, ActivityOutcome.DENIED, d.by(), d.at(), d.reason());
            case ApprovalState.Expired e -> decisionEntry(entryId, ActivityOutcome.DENIED, EXPIRY, e.at(),
                    "expired: " + e.reason());
        };
    }

    private ActivityEntry decisionEntry(UUID entryId, ActivityOutcome outcome, String by, Instant at, String why) {
        String summary = by.equals(EXPIRY) ? why : (outcome == ActivityOutcome.APPROVED ? "approved by " : "denied by ")
                + by + (why.isEmpty() ? "" : ": " + why);
        return new ActivityEntry(entryId, msp, client, Optional.of(session), Optional.of(ticket), at,
                ActivityKind.APPROVAL, Optional.of(tool), arguments, outcome,
                summary.length() > ActivityEntry.MAX_SUMMARY ? summary.substring(0, ActivityEntry.MAX_SUMMARY)
                        : summary, Duration.ZERO, Optional.of(by));
    }

    private void checkDecidable(UserRole role) {
        if (!role.mayDecideApprovals()) {
            throw new ApprovalNotAllowed("role", "only MSP admins and technicians decide approvals");
        }
        if (!isPending()) {
            throw new ApprovalNotAllowed("already-decided", "this approval request was already decided");
        }
    }

    private ApprovalRequest withState(ApprovalState next) {
        return new ApprovalRequest(id, msp, client, session, ticket, tool, arguments, plan, requestedAt, next);
    }
}

package dev.steward.domain.approval;

import dev.steward.domain.activity.RedactedArguments;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.ApprovalNotAllowed;
import java.time.Instant;
import java.util.Objects;
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

package dev.steward.adapter.web.api;

import dev.steward.application.approval.ApprovalDetails;
import dev.steward.domain.approval.ApprovalRequest;
import dev.steward.domain.approval.ApprovalState;
import java.time.Instant;
import java.util.Map;

/**
 * An approval request: the paused tool call (secret arguments redacted), its plan, and the decision (who, when, why)
 * once taken; an expired request was decided by no one in time, which counts as a denial.
 */
public record ApprovalJson(String id, String client, String ticket, String tool, Map<String, String> arguments,
                           String plan, Instant requestedAt, String state, String decidedBy, Instant decidedAt,
                           String reason) {

    public static ApprovalJson from(ApprovalDetails details) {
        ApprovalRequest r = details.request();
        String state = switch (r.state()) {
            case ApprovalState.Pending p -> "pending";
            case ApprovalState.Approved a -> "approved";
            case ApprovalState.Denied d -> "denied";
            case ApprovalState.Expired e -> "expired";
        };
        record Decision(String by, Instant at, String reason) {}
        Decision decision = switch (r.state()) {
            case ApprovalState.Pending p -> new Decision(null, null, null);
            case ApprovalState.Approved a -> new Decision(a.by(), a.at(), a.reason());
            case ApprovalState.Denied d -> new Decision(d.by(), d.at(), d.reason());
            case ApprovalState.Expired e -> new Decision(ApprovalRequest.EXPIRY, e.at(), e.reason());
        };
        return new ApprovalJson(r.id().toString(), details.client().value(), r.ticket(), r.tool().value(),
                r.arguments().values(), r.plan(), r.requestedAt(), state, decision.by(), decision.at(),
                decision.reason());
    }
}

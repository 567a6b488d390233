package dev.steward.adapter.web;

import dev.steward.domain.activity.RedactedArguments;
import dev.steward.domain.approval.ApprovalRequest;
import dev.steward.domain.client.Client;
import dev.steward.domain.integration.ToolName;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Approval requests as an agent in execute mode raises them. */
public final class WebFixtures {

    private WebFixtures() {
    }

    /** Raises (stores) a pending approval request for {@code client}, as the agent loop does in execute mode. */
    public static ApprovalRequest pendingApproval(dev.steward.adapter.web.InMemoryCore core, Client client,
                                                  String plan) {
        Map<String, String> arguments = Map.of("user", "jane@acme.example", "password", "Winter2026!");
        ApprovalRequest request = ApprovalRequest.raise(UUID.randomUUID(), client.msp(), client.id(),
                UUID.randomUUID(), "CW-1042", ToolName.of("m365:reset-password"), RedactedArguments.of(arguments),
                plan, Instant.now());
        core.approvals.add(request, arguments);
        return request;
    }
}

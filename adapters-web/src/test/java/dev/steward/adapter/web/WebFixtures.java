package dev.steward.adapter.web;

import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.activity.ActivityKind;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.activity.RedactedArguments;
import dev.steward.domain.approval.ApprovalRequest;
import dev.steward.domain.client.Client;
import dev.steward.domain.integration.ToolName;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What agents leave behind: approval requests as an agent in execute mode raises them, activity entries. */
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

    /** A request's activity entry for {@code client} at {@code at}, as the agent loop files a ticket it takes. */
    public static ActivityEntry request(Client client, Instant at) {
        return new ActivityEntry(UUID.randomUUID(), client.msp(), client.id(), Optional.of(UUID.randomUUID()),
                Optional.of("T-7"), at, ActivityKind.REQUEST, Optional.empty(), RedactedArguments.NONE,
                ActivityOutcome.OK, "the printer is jammed", Duration.ZERO, Optional.empty());
    }
}

package dev.steward.domain.workflow;

import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.MspId;
import java.time.Instant;
import java.util.UUID;

/** Workflows for the domain's tests. */
final class WorkflowFixtures {

    static final Instant T0 = Instant.parse("2026-12-05T03:00:00Z");
    static final MspId MSP = new MspId(UUID.randomUUID());
    static final ClientId ACME = new ClientId(UUID.randomUUID());
    static final ClientId GLOBEX = new ClientId(UUID.randomUUID());

    private WorkflowFixtures() {
    }

    static Workflow workflow(WorkflowScope scope, String name, String trigger, WorkflowStatus status) {
        return new Workflow(new WorkflowId(UUID.randomUUID()), scope, new WorkflowName(name), new Trigger(trigger),
                "Check sign-in logs, then unlock the account.", WorkflowSteps.NONE, status,
                WorkflowVersion.first("alice@msp.example", T0));
    }
}

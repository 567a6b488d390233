package dev.steward.application.agentloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.agent.message.Assignment;
import dev.steward.application.agent.message.ToolPhase;
import dev.steward.application.port.reasoning.PlannedAction;
import dev.steward.application.port.reasoning.TranscriptItem;
import dev.steward.application.spi.ToolResult;
import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.activity.RedactedArguments;
import dev.steward.domain.approval.ApprovalRequest;
import dev.steward.domain.approval.UserRole;
import dev.steward.domain.client.Client;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolParameter;
import dev.steward.domain.integration.ToolPolicy;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.mode.OperatingMode;
import dev.steward.domain.verification.IdentityVerification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A call a technician approved: run once more through every rule, its values held for that technician alone. */
class ApprovedCallTest {

    private static final ToolName RESET = ToolName.of("m365:reset-password");
    private static final String DANA = "dana@contoso.example";
    private static final String TEMPORARY = "Kx9#mPq2-vT7!";
    private static final String TECH = "tech@northwind.example";

    private final AgentWorld world = new AgentWorld(new RunbookReasoner());
    private final Client client = world.client("250", OperatingMode.EXECUTE);
    private final UUID session = UUID.randomUUID();
    private final SessionScope scope = new SessionScope(world.msp.id(), client.id(), session, "51001",
            EffectiveMode.EXECUTE, DANA);

    {
        world.connect("m365", List.of(Tool.write(RESET.value(), "Resets a password").asSensitive()
                .taking(ToolParameter.required("user", ToolParameter.Type.STRING, "UPN"))), Map.of());
        world.executor.registerCall(RESET, call -> ToolResult.revealing("Password of " + call.argument("user")
                .orElseThrow() + " reset; change required at next sign-in", Map.of("temporaryPassword", TEMPORARY)));
    }

    private ApprovalRequest approved(String by) {
        return ApprovalRequest.raise(UUID.randomUUID(), world.msp.id(), client.id(), session, "51001", RESET,
                RedactedArguments.of(Map.of("user", DANA)), "plan", world.clock.instant())
                .approve(by, UserRole.MSP_TECHNICIAN, "called Dana back", world.clock.instant());
    }

    private void verified() {
        world.verifications.record(IdentityVerification.confirmedBy(TECH, UUID.randomUUID(), world.msp.id(),
                client.id(), session, DANA, world.clock.instant()));
    }

    @Test
    void runsTheApprovedCallAndHoldsItsValuesForTheApproverAloneOnce() {
        verified();
        ApprovalRequest approval = approved(TECH);

        TranscriptItem item = world.gateway.runApproved(scope, approval, Map.of("user", DANA));

        assertThat(item.outcome()).isEqualTo(ActivityOutcome.OK);
        assertThat(item.result()).startsWith("approved by " + TECH + "; Password of " + DANA + " reset")
                .contains("temporaryPassword held for the approving technician to see once")
                .doesNotContain(TEMPORARY);
        assertThat(world.revealed.take(world.msp.id(), approval.id(), TECH)).contains(Map.of("temporaryPassword",
                TEMPORARY));
        assertThat(world.revealed.take(world.msp.id(), approval.id(), TECH)).isEmpty();
        assertThat(world.activityOf("51001")).extracting(ActivityEntry::summary)
                .noneMatch(summary -> summary.contains(TEMPORARY));
    }

    @Test
    void theReplyTellsTheRequesterATechnicianHandsItOverAndNeverHoldsIt() {
        verified();
        TranscriptItem item = world.gateway.runApproved(scope, approved(TECH), Map.of("user", DANA));

        String reply = ReplyText.after(List.of(new Assignment.StepResult(RESET,
                "temporary password, to be changed at the next sign-in", item.outcome(), item.result(),
                java.util.Optional.empty()))).orElseThrow();

        assertThat(reply).contains("- temporary password, to be changed at the next sign-in")
                .contains("A technician will hand over your new sign-in details").doesNotContain(TEMPORARY);
    }

    @Test
    void anApprovedSensitiveCallStillNeedsAVerifiedRequester() {
        TranscriptItem item = world.gateway.runApproved(scope, approved(TECH), Map.of("user", DANA));

        assertThat(item.outcome()).isEqualTo(ActivityOutcome.REFUSED_BY_POLICY);
        assertThat(ToolGateway.refusedForIdentity(item)).isTrue();
        assertThat(world.executor.executed()).isEmpty();
    }

    @Test
    void aToolDisabledSinceTheApprovalIsRefusedAndAPendingRequestDoesNotRun() {
        verified();
        world.integrations.list(world.msp.id(), java.util.Optional.empty()).forEach(i ->
                world.integrations.update(i.withPolicy(RESET, ToolPolicy.DISABLED)));

        assertThat(world.gateway.runApproved(scope, approved(TECH), Map.of("user", DANA)).outcome())
                .isEqualTo(ActivityOutcome.REFUSED_BY_POLICY);
        ApprovalRequest pending = ApprovalRequest.raise(UUID.randomUUID(), world.msp.id(), client.id(), session,
                "51001", RESET, RedactedArguments.of(Map.of("user", DANA)), "plan", world.clock.instant());
        assertThatThrownBy(() -> world.gateway.runApproved(scope, pending, Map.of("user", DANA)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(world.executor.executed()).isEmpty();
    }

    @Test
    void valuesOfACallNobodyApprovedAreNotKept() {
        verified();
        // a sensitive tool never runs unapproved, so a tool that is not sensitive hands back a value here
        ToolName pass = ToolName.of("kiosk:issue-guest-pass");
        world.connect("kiosk", List.of(Tool.write(pass.value(), "Issues a guest Wi-Fi pass")
                .taking(ToolParameter.required("user", ToolParameter.Type.STRING, "UPN"))), Map.of(pass,
                ToolPolicy.AUTO));
        world.executor.registerCall(pass, call -> ToolResult.revealing("Guest pass issued",
                Map.of("temporaryPassword", TEMPORARY)));

        TranscriptItem item = world.gateway.call(scope, ToolPhase.EXECUTION, pass, Map.of("user", DANA));

        assertThat(item.outcome()).isEqualTo(ActivityOutcome.OK);
        assertThat(item.result()).contains("temporaryPassword not kept").doesNotContain(TEMPORARY);
        assertThat(world.activityOf("51001")).extracting(ActivityEntry::summary)
                .noneMatch(summary -> summary.contains(TEMPORARY));
    }
}

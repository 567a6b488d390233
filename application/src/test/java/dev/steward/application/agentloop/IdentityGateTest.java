package dev.steward.application.agentloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.steward.application.port.reasoning.TranscriptItem;
import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.activity.ActivityKind;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.activity.RedactedArguments;
import dev.steward.domain.approval.ApprovalRequest;
import dev.steward.domain.approval.UserRole;
import dev.steward.domain.client.Client;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolParameter;
import dev.steward.domain.integration.ToolPolicy;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.mode.OperatingMode;
import dev.steward.domain.verification.IdentityVerification;
import dev.steward.domain.verification.IdentityVerification.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sensitive tools through the gateway: they run only for a requester verified in the session. */
class IdentityGateTest {

    private static final ToolName UNBLOCK = ToolName.of("m365:unblock-sign-in");
    private static final ToolName GET_USER = ToolName.of("m365:get-user");
    private static final String DANA = "dana@contoso.example";
    private static final ToolParameter USER = ToolParameter.required("user", ToolParameter.Type.STRING, "UPN");

    private final AgentWorld world = new AgentWorld(new RunbookReasoner());
    private final Client client = world.client("250", OperatingMode.EXECUTE);
    private final Integration m365 = world.connect("m365", List.of(
            Tool.write(UNBLOCK.value(), "Unblocks sign-in").taking(USER).asSensitive(),
            Tool.readOnly(GET_USER.value(), "Reads a user").taking(USER)),
            Map.of(UNBLOCK, ToolPolicy.APPROVAL_NEEDED));
    private final UUID session = UUID.randomUUID();

    private SessionScope scope(String requester) {
        return new SessionScope(world.msp.id(), client.id(), session, "51001", EffectiveMode.EXECUTE, requester);
    }

    private TranscriptItem unblock(String requester) {
        return approvedUnblock(world, scope(requester));
    }

    /** A sensitive tool always waits for a technician, so it runs as an approved call. */
    private static TranscriptItem approvedUnblock(AgentWorld world, SessionScope scope) {
        ApprovalRequest approval = ApprovalRequest.raise(UUID.randomUUID(), scope.msp(), scope.client(),
                scope.session(), scope.ticket(), UNBLOCK, RedactedArguments.of(Map.of("user", DANA)), "plan",
                world.clock.instant()).approve("tech@northwind.example", UserRole.MSP_TECHNICIAN, "ok",
                world.clock.instant());
        return world.gateway.runApproved(scope, approval, Map.of("user", DANA));
    }

    private List<ActivityEntry> verificationLines() {
        return world.activityOf("51001").stream().filter(e -> e.kind() == ActivityKind.VERIFICATION).toList();
    }

    @Test
    void withoutAVerificationIntegrationASensitiveToolIsRefusedAndNothingRuns() {
        TranscriptItem item = unblock(DANA);

        assertThat(item.outcome()).isEqualTo(ActivityOutcome.REFUSED_BY_POLICY);
        assertThat(item.result()).contains("the requester's identity could not be verified",
                "a technician can confirm the caller's identity");
        assertThat(ToolGateway.refusedForIdentity(item)).isTrue();
        assertThat(world.executor.executed()).isEmpty();
        assertThat(world.pushedTo).isEmpty();
    }

    @Test
    void anAllowedPushVerifiesTheRequesterOnceForTheSession() {
        world.pushAnswer = requester -> Result.VERIFIED;
        world.connectDuo();

        assertThat(unblock(DANA).outcome()).isEqualTo(ActivityOutcome.OK);
        assertThat(unblock(DANA).outcome()).isEqualTo(ActivityOutcome.OK);

        assertThat(world.pushedTo).containsExactly(DANA);
        assertThat(world.executor.executed()).extracting(c -> c.tool()).containsExactly(UNBLOCK, UNBLOCK);
        assertThat(world.verifications.ofSession(world.msp.id(), session)).singleElement()
                .satisfies(v -> assertThat(v.verifies(session, DANA)).isTrue());
        assertThat(verificationLines()).singleElement().satisfies(line -> {
            assertThat(line.outcome()).isEqualTo(ActivityOutcome.OK);
            assertThat(line.summary()).isEqualTo("identity of dana@contoso.example verified by a duo push");
            assertThat(line.session()).contains(session);
        });
    }

    @Test
    void aCallThatWaitedForAPushIsRecordedAfterTheVerificationAndWithoutTheWait() {
        Instant approved = world.clock.instant();
        world.pushAnswer = requester -> {
            world.clock.advance(Duration.ofSeconds(20));
            return Result.VERIFIED;
        };
        world.connectDuo();

        unblock(DANA);

        ActivityEntry verification = verificationLines().getFirst();
        ActivityEntry call = world.activityOf("51001").stream().filter(e -> e.kind() == ActivityKind.TOOL_CALL)
                .findFirst().orElseThrow();
        assertThat(call.at()).as("the activity reads: verified, then run").isAfterOrEqualTo(verification.at())
                .isAfter(approved);
        assertThat(world.activityOf("51001")).as("newest first").startsWith(call, verification);
        assertThat(call.duration()).as("the requester's time to answer is not the tool's")
                .isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aRefusalAfterADeniedPushIsRecordedAfterTheVerification() {
        world.pushAnswer = requester -> {
            world.clock.advance(Duration.ofSeconds(20));
            return Result.DENIED;
        };
        world.connectDuo();

        unblock(DANA);

        assertThat(world.activityOf("51001")).extracting(ActivityEntry::kind, ActivityEntry::outcome)
                .as("newest first").containsExactly(
                        tuple(ActivityKind.TOOL_CALL, ActivityOutcome.REFUSED_BY_POLICY),
                        tuple(ActivityKind.VERIFICATION, ActivityOutcome.DENIED));
    }

    @Test
    void aDeniedTimedOutOrUnenrolledPushLeavesTheToolUnrunAndIsNotSentAgainInTheSession() {
        for (Result answer : List.of(Result.DENIED, Result.TIMED_OUT, Result.NOT_ENROLLED)) {
            AgentWorld fresh = new AgentWorld(new RunbookReasoner());
            Client acme = fresh.client("250", OperatingMode.EXECUTE);
            fresh.connect("m365", List.of(Tool.write(UNBLOCK.value(), "Unblocks").taking(USER).asSensitive()),
                    Map.of(UNBLOCK, ToolPolicy.APPROVAL_NEEDED));
            fresh.pushAnswer = requester -> answer;
            fresh.connectDuo();
            SessionScope scope = new SessionScope(fresh.msp.id(), acme.id(), session, "51001",
                    EffectiveMode.EXECUTE, DANA);

            TranscriptItem first = approvedUnblock(fresh, scope);
            TranscriptItem again = approvedUnblock(fresh, scope);

            assertThat(first.outcome()).as(answer.label()).isEqualTo(ActivityOutcome.REFUSED_BY_POLICY);
            assertThat(first.result()).as(answer.label()).contains("(" + answer.label() + ")");
            assertThat(again.result()).as(answer.label()).contains("the push in this session was " + answer.label());
            assertThat(fresh.pushedTo).as(answer.label()).containsExactly(DANA);
            assertThat(fresh.executor.executed()).as(answer.label()).isEmpty();
            assertThat(fresh.activityOf("51001").stream().filter(e -> e.kind() == ActivityKind.VERIFICATION))
                    .singleElement().satisfies(line -> assertThat(line.outcome()).isEqualTo(
                            answer == Result.DENIED ? ActivityOutcome.DENIED : ActivityOutcome.FAILED));
        }
    }

    @Test
    void aTechniciansConfirmationForTheSessionsRequesterLetsItRunWithoutAPush() {
        world.connectDuo();
        world.verifications.record(IdentityVerification.confirmedBy("tech@northwind.example", UUID.randomUUID(),
                world.msp.id(), client.id(), session, DANA, world.clock.instant()));

        assertThat(unblock(DANA).outcome()).isEqualTo(ActivityOutcome.OK);
        assertThat(world.pushedTo).isEmpty();
    }

    @Test
    void aVerificationOfAnotherRequesterOrSessionDoesNotCount() {
        world.verifications.record(IdentityVerification.confirmedBy("tech@northwind.example", UUID.randomUUID(),
                world.msp.id(), client.id(), session, "sam@contoso.example", world.clock.instant()));
        world.verifications.record(IdentityVerification.confirmedBy("tech@northwind.example", UUID.randomUUID(),
                world.msp.id(), client.id(), UUID.randomUUID(), DANA, world.clock.instant()));

        assertThat(unblock(DANA).outcome()).isEqualTo(ActivityOutcome.REFUSED_BY_POLICY);
        assertThat(world.executor.executed()).isEmpty();
    }

    @Test
    void anUnknownRequesterCannotBeVerified() {
        world.pushAnswer = requester -> Result.VERIFIED;
        world.connectDuo();

        TranscriptItem item = unblock("");

        assertThat(item.outcome()).isEqualTo(ActivityOutcome.REFUSED_BY_POLICY);
        assertThat(item.result()).contains("requester is not known");
        assertThat(world.pushedTo).isEmpty();
    }

    @Test
    void aToolTheMspMarksSensitiveIsGuardedTooButNoPushIsSentWhileDiagnosing() {
        world.pushAnswer = requester -> Result.VERIFIED;
        world.connectDuo();
        world.integrations.update(m365.withSensitivityMark(GET_USER, true));

        TranscriptItem item = world.gateway.call(scope(DANA), GET_USER, Map.of("user", DANA));

        assertThat(item.outcome()).as("a sensitive tool waits for approval, so it is not run while diagnosing")
                .isEqualTo(ActivityOutcome.REFUSED_BY_MODE);
        assertThat(world.pushedTo).isEmpty();
        assertThat(world.executor.executed()).isEmpty();
    }
}

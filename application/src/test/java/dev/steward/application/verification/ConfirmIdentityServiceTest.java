package dev.steward.application.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.agentloop.AgentWorldAccess;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.activity.ActivityKind;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.activity.RedactedArguments;
import dev.steward.domain.approval.ApprovalRequest;
import dev.steward.domain.approval.UserRole;
import dev.steward.domain.client.Client;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.mode.OperatingMode;
import dev.steward.domain.problem.ApprovalNotAllowed;
import dev.steward.domain.problem.InvalidValue;
import dev.steward.domain.session.AgentSession;
import dev.steward.domain.verification.IdentityVerification;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConfirmIdentityServiceTest {

    private final AgentWorldAccess world = AgentWorldAccess.withBuiltInRunbooks();
    private final Client client = world.client("250", OperatingMode.EXECUTE);
    private final ConfirmIdentityService confirm = world.confirmIdentity();

    private ApprovalRequest approvalFor(String requester) {
        AgentSession session = world.sessions().addIfAbsent(AgentSession.start(UUID.randomUUID(), client.id(),
                AgentSession.Channel.TICKET, "51001", requester, EffectiveMode.EXECUTE, 1, world.now()));
        ApprovalRequest request = ApprovalRequest.raise(UUID.randomUUID(), world.mspId(), client.id(), session.id(),
                "51001", ToolName.of("m365:reset-password"), RedactedArguments.of(Map.of("user", requester)), "plan",
                world.now());
        world.approvals().add(request, Map.of());
        return request;
    }

    @Test
    void recordsWhoConfirmedTheSessionsRequesterAndWhen() {
        ApprovalRequest approval = approvalFor("dana@contoso.example");

        IdentityVerification confirmed = confirm.confirm(new ConfirmIdentityCommand(world.mspId(),
                approval.id().toString(), "tech@northwind.example", UserRole.MSP_TECHNICIAN));

        assertThat(confirmed.verifies(approval.session(), "dana@contoso.example")).isTrue();
        assertThat(confirmed.by()).isEqualTo("tech@northwind.example");
        assertThat(confirmed.at()).isEqualTo(world.now());
        assertThat(world.verifications().ofSession(world.mspId(), approval.session())).containsExactly(confirmed);
        assertThat(world.activityOf("51001")).filteredOn(e -> e.kind() == ActivityKind.VERIFICATION).singleElement()
                .satisfies(line -> {
                    assertThat(line.actor()).contains("tech@northwind.example");
                    assertThat(line.outcome()).isEqualTo(ActivityOutcome.OK);
                    assertThat(line.summary()).isEqualTo(
                            "identity of dana@contoso.example confirmed by tech@northwind.example");
                });
    }

    @Test
    void aViewerCannotConfirmAndAnUnknownOrAnotherMspsApprovalIsNotFound() {
        ApprovalRequest approval = approvalFor("dana@contoso.example");

        assertThatThrownBy(() -> confirm.confirm(new ConfirmIdentityCommand(world.mspId(), approval.id().toString(),
                "viewer@northwind.example", UserRole.MSP_VIEWER))).isInstanceOf(ApprovalNotAllowed.class);
        assertThatThrownBy(() -> confirm.confirm(new ConfirmIdentityCommand(world.mspId(), "nope",
                "tech@northwind.example", UserRole.MSP_ADMIN))).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> confirm.confirm(new ConfirmIdentityCommand(
                dev.steward.application.testkit.Fixtures.uniqueMspId(), approval.id().toString(),
                "tech@northwind.example", UserRole.MSP_ADMIN))).isInstanceOf(NotFound.class);
        assertThat(world.verifications().ofSession(world.mspId(), approval.session())).isEmpty();
    }

    @Test
    void aSessionWithoutAKnownRequesterCannotBeConfirmed() {
        ApprovalRequest approval = approvalFor("");

        assertThatThrownBy(() -> confirm.confirm(new ConfirmIdentityCommand(world.mspId(), approval.id().toString(),
                "tech@northwind.example", UserRole.MSP_ADMIN)))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("requester"));
    }
}

package dev.steward.domain.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.domain.activity.RedactedArguments;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.ApprovalNotAllowed;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ApprovalRequestTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant T1 = T0.plusSeconds(300);

    private static ApprovalRequest raised() {
        return ApprovalRequest.raise(UUID.randomUUID(), new MspId(UUID.randomUUID()), new ClientId(UUID.randomUUID()),
                UUID.randomUUID(), "T-1001", ToolName.of("m365:reset-password"),
                RedactedArguments.of(Map.of("user", "jane")), "Reset Jane's password", T0);
    }

    @Test
    void startsPending() {
        ApprovalRequest request = raised();

        assertThat(request.isPending()).isTrue();
        assertThat(request.state()).isEqualTo(new ApprovalState.Pending());
        assertThat(request.requestedAt()).isEqualTo(T0);
    }

    @ParameterizedTest
    @EnumSource(value = UserRole.class, names = {"MSP_ADMIN", "MSP_TECHNICIAN"})
    void anAdminOrTechnicianApprovesRecordingWhoWhenAndWhy(UserRole role) {
        ApprovalRequest approved = raised().approve("tech@msp.example", role, "user called in", T1);

        assertThat(approved.isPending()).isFalse();
        assertThat(approved.state()).isEqualTo(new ApprovalState.Approved("tech@msp.example", T1, "user called in"));
    }

    @ParameterizedTest
    @EnumSource(value = UserRole.class, names = {"MSP_ADMIN", "MSP_TECHNICIAN"})
    void anAdminOrTechnicianDenies(UserRole role) {
        ApprovalRequest denied = raised().deny("tech@msp.example", role, null, T1);

        assertThat(denied.state()).isEqualTo(new ApprovalState.Denied("tech@msp.example", T1, ""));
    }

    @Test
    void aViewerCannotDecide() {
        ApprovalRequest request = raised();

        assertThatThrownBy(() -> request.approve("viewer@msp.example", UserRole.MSP_VIEWER, "", T1))
                .isInstanceOf(ApprovalNotAllowed.class)
                .hasMessage("only MSP admins and technicians decide approvals")
                .satisfies(e -> assertThat(((ApprovalNotAllowed) e).code()).isEqualTo("approval.role"));
        assertThatThrownBy(() -> request.deny("viewer@msp.example", UserRole.MSP_VIEWER, "", T1))
                .isInstanceOf(ApprovalNotAllowed.class);
        assertThat(request.isPending()).isTrue();
    }

    @Test
    void isDecidedOnlyOnce() {
        ApprovalRequest approved = raised().approve("a@msp.example", UserRole.MSP_ADMIN, "", T1);
        ApprovalRequest denied = raised().deny("a@msp.example", UserRole.MSP_ADMIN, "", T1);

        assertThatThrownBy(() -> approved.deny("b@msp.example", UserRole.MSP_ADMIN, "", T1))
                .isInstanceOf(ApprovalNotAllowed.class)
                .satisfies(e -> assertThat(((ApprovalNotAllowed) e).code()).isEqualTo("approval.already-decided"));
        assertThatThrownBy(() -> approved.approve("b@msp.example", UserRole.MSP_ADMIN, "", T1))
                .isInstanceOf(ApprovalNotAllowed.class);
        assertThatThrownBy(() -> denied.approve("b@msp.example", UserRole.MSP_TECHNICIAN, "", T1))
                .isInstanceOf(ApprovalNotAllowed.class);
    }

    @Test
    void onlyAdminsAndTechniciansMayDecide() {
        assertThat(UserRole.MSP_ADMIN.mayDecideApprovals()).isTrue();
        assertThat(UserRole.MSP_TECHNICIAN.mayDecideApprovals()).isTrue();
        assertThat(UserRole.MSP_VIEWER.mayDecideApprovals()).isFalse();
    }

    @Test
    void itsDecisionBecomesAnAuditLineNamingWhoAndWhy() {
        ApprovalRequest request = raised();
        UUID entry = UUID.randomUUID();

        dev.steward.domain.activity.ActivityEntry approved = request
                .approve("ana", UserRole.MSP_TECHNICIAN, "checked", T1).decisionEntry(entry);
        dev.steward.domain.activity.ActivityEntry denied = request
                .deny("bo", UserRole.MSP_ADMIN, "", T1).decisionEntry(entry);

        assertThat(approved.id()).isEqualTo(entry);
        assertThat(approved.kind()).isEqualTo(dev.steward.domain.activity.ActivityKind.APPROVAL);
        assertThat(approved.outcome()).isEqualTo(dev.steward.domain.activity.ActivityOutcome.APPROVED);
        assertThat(approved.summary()).isEqualTo("approved by ana: checked");
        assertThat(approved.actor()).contains("ana");
        assertThat(approved.at()).isEqualTo(T1);
        assertThat(approved.tool()).contains(request.tool());
        assertThat(denied.summary()).isEqualTo("denied by bo");
        assertThatThrownBy(() -> request.decisionEntry(entry)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void expiresOnlyWhilePendingAndOnlyOnceItsTimeIsUp() {
        ApprovalRequest request = raised();
        java.time.Duration day = java.time.Duration.ofHours(24);

        assertThat(request.isDueToExpire(request.requestedAt().plus(day).minusSeconds(1), day)).isFalse();
        assertThat(request.isDueToExpire(request.requestedAt().plus(day), day)).isTrue();
        ApprovalRequest expired = request.expire(T1, "not decided within 24 hours");
        assertThat(expired.state()).isEqualTo(new ApprovalState.Expired(T1, "not decided within 24 hours"));
        assertThat(expired.isApproved()).isFalse();
        assertThat(expired.isDueToExpire(T1.plus(day), day)).isFalse();
        assertThatThrownBy(() -> expired.approve("a@msp.example", UserRole.MSP_ADMIN, "", T1))
                .isInstanceOf(ApprovalNotAllowed.class);
        assertThatThrownBy(() -> request.approve("a@msp.example", UserRole.MSP_ADMIN, "", T1).expire(T1, "late"))
                .isInstanceOf(ApprovalNotAllowed.class);
    }

    @Test
    void anExpiryIsLoggedAsADenialWithItsReason() {
        var entry = raised().expire(T1, "not decided within 24 hours").decisionEntry(java.util.UUID.randomUUID());

        assertThat(entry.outcome()).isEqualTo(dev.steward.domain.activity.ActivityOutcome.DENIED);
        assertThat(entry.actor()).contains(ApprovalRequest.EXPIRY);
        assertThat(entry.summary()).isEqualTo("expired: not decided within 24 hours");
    }
}

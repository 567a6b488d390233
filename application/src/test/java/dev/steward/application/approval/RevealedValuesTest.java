package dev.steward.application.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.agentloop.RevealedValues;
import dev.steward.application.problem.NotFound;
import dev.steward.application.testkit.Fixtures;
import dev.steward.application.testkit.MutableClock;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.ApprovalNotAllowed;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RevealedValuesTest {

    private final MutableClock clock = MutableClock.startingAt("2026-11-22T09:00:00Z");
    private final RevealedValues values = new RevealedValues(clock);
    private final dev.steward.application.inmemory.InMemoryApprovalRepository approvals =
            new dev.steward.application.inmemory.InMemoryApprovalRepository(
                    new dev.steward.application.inmemory.InMemoryUnitOfWork());
    private final RevealValuesService reveal = new RevealValuesService(values, approvals);
    private final MspId msp = Fixtures.uniqueMspId();
    private final UUID approval = approved();
    private static final Map<String, String> PASSWORD = Map.of("temporaryPassword", "Kx9#mPq2-vT7!");

    private UUID approved() {
        dev.steward.domain.approval.ApprovalRequest request = dev.steward.domain.approval.ApprovalRequest.raise(
                UUID.randomUUID(), msp, new dev.steward.domain.client.ClientId(UUID.randomUUID()), UUID.randomUUID(),
                "51001", dev.steward.domain.integration.ToolName.of("m365:reset-password"),
                dev.steward.domain.activity.RedactedArguments.NONE, "plan", clock.instant());
        approvals.add(request, java.util.Map.of());
        return request.id();
    }

    @Test
    void showsTheApproverTheValuesOnceAndThenForgetsThem() {
        values.hold(msp, approval, "tech@northwind.example", PASSWORD);
        assertThat(values.waitingFor(msp, approval, "tech@northwind.example")).isTrue();

        assertThat(reveal.reveal(msp, approval.toString(), "tech@northwind.example").values()).isEqualTo(PASSWORD);

        assertThatThrownBy(() -> reveal.reveal(msp, approval.toString(), "tech@northwind.example"))
                .isInstanceOf(NotFound.class).hasMessageNotContaining("Kx9#mPq2-vT7!");
        assertThat(values.waiting(msp, approval)).isFalse();
    }

    @Test
    void anotherTechnicianCannotSeeThemAndTheyStayForTheApprover() {
        values.hold(msp, approval, "tech@northwind.example", PASSWORD);

        assertThatThrownBy(() -> reveal.reveal(msp, approval.toString(), "other@northwind.example"))
                .isInstanceOfSatisfying(ApprovalNotAllowed.class, e -> assertThat(e.code()).isEqualTo("approval.role"))
                .hasMessageNotContaining("Kx9#mPq2-vT7!");
        assertThatThrownBy(() -> reveal.reveal(Fixtures.uniqueMspId(), approval.toString(), "tech@northwind.example"))
                .as("another MSP").isInstanceOf(NotFound.class);
        assertThat(reveal.reveal(msp, approval.toString(), "tech@northwind.example").values()).isEqualTo(PASSWORD);
    }

    @Test
    void valuesNobodyLooksAtAreForgottenAfterTheirTime() {
        values.hold(msp, approval, "tech@northwind.example", PASSWORD);

        clock.advance(RevealedValues.KEPT.plus(Duration.ofSeconds(1)));

        assertThatThrownBy(() -> reveal.reveal(msp, approval.toString(), "tech@northwind.example"))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> reveal.reveal(msp, "not-an-id", "tech@northwind.example"))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void twoConcurrentLooksGetTheValuesOnlyOnce() throws Exception {
        values.hold(msp, approval, "tech@northwind.example", PASSWORD);
        var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> values.take(msp, approval,
                "tech@northwind.example"));
        var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> values.take(msp, approval,
                "tech@northwind.example"));

        assertThat(first.get().isPresent() ^ second.get().isPresent()).isTrue();
    }
}

package dev.steward.domain.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.InvalidValue;
import dev.steward.domain.workflow.Workflow.Status;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WorkflowTest {

    private static final MspId MSP = new MspId(UUID.randomUUID());
    private static final ClientId ACME = new ClientId(UUID.randomUUID());
    private static final ClientId GLOBEX = new ClientId(UUID.randomUUID());

    private static Workflow workflow(Optional<ClientId> scope, Status status) {
        return new Workflow(UUID.randomUUID(), MSP, scope, "A user is locked out of their account.",
                "Check sign-in logs, then unlock the account.", status);
    }

    @Test
    void anActiveMspWideWorkflowAppliesToEveryClient() {
        Workflow workflow = workflow(Optional.empty(), Status.ACTIVE);

        assertThat(workflow.appliesTo(ACME)).isTrue();
        assertThat(workflow.appliesTo(GLOBEX)).isTrue();
    }

    @Test
    void aClientsWorkflowAppliesToThatClientOnly() {
        Workflow workflow = workflow(Optional.of(ACME), Status.ACTIVE);

        assertThat(workflow.appliesTo(ACME)).isTrue();
        assertThat(workflow.appliesTo(GLOBEX)).isFalse();
    }

    @Test
    void draftAndArchivedWorkflowsNeverApply() {
        assertThat(workflow(Optional.empty(), Status.DRAFT).appliesTo(ACME)).isFalse();
        assertThat(workflow(Optional.of(ACME), Status.ARCHIVED).appliesTo(ACME)).isFalse();
    }

    @Test
    void theTriggerIsOneSentenceOfAtMostThreeHundredCharacters() {
        assertThatThrownBy(() -> new Workflow(UUID.randomUUID(), MSP, Optional.empty(), "Locked out.\nReset it.",
                "x", Status.DRAFT))
                .isInstanceOf(InvalidValue.class)
                .hasMessage("trigger must be one sentence of at most 300 characters");
        assertThatThrownBy(() -> new Workflow(UUID.randomUUID(), MSP, Optional.empty(), "t".repeat(301), "x",
                Status.DRAFT)).isInstanceOf(InvalidValue.class);
        assertThat(new Workflow(UUID.randomUUID(), MSP, Optional.empty(), "t".repeat(300), "x", Status.DRAFT)
                .trigger()).hasSize(300);
    }

    @Test
    void requiresATriggerAndInstructionsNamingTheField() {
        assertThatThrownBy(() -> new Workflow(UUID.randomUUID(), MSP, Optional.empty(), " ", "x", Status.DRAFT))
                .isInstanceOf(InvalidValue.class).hasMessage("trigger is required");
        assertThatThrownBy(() -> new Workflow(UUID.randomUUID(), MSP, Optional.empty(), "t", null, Status.DRAFT))
                .isInstanceOf(InvalidValue.class).hasMessage("instructions is required");
        assertThatThrownBy(() -> new Workflow(UUID.randomUUID(), MSP, Optional.empty(), "t", "i".repeat(20_001),
                Status.DRAFT)).isInstanceOf(InvalidValue.class).hasMessage("instructions must be at most 20000 characters");
    }
}

package dev.steward.domain.workflow;

import static dev.steward.domain.workflow.WorkflowFixtures.ACME;
import static dev.steward.domain.workflow.WorkflowFixtures.MSP;
import static dev.steward.domain.workflow.WorkflowFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.domain.integration.ToolName;
import dev.steward.domain.problem.IllegalTransition;
import dev.steward.domain.problem.InvalidValue;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WorkflowTest {

    private static final WorkflowScope SCOPE = new WorkflowScope.OneClient(MSP, ACME);

    private static Workflow created(WorkflowStatus status) {
        return Workflow.create(new WorkflowId(UUID.randomUUID()), SCOPE, new WorkflowName("Locked out"),
                new Trigger("A user is \"locked out\"."), "Check sign-in logs, then unlock the account.",
                WorkflowSteps.NONE, status, "alice@msp.example", T0);
    }

    @Test
    void aNewWorkflowIsVersionOneByItsAuthor() {
        Workflow workflow = created(WorkflowStatus.DRAFT);

        assertThat(workflow.version()).isEqualTo(new WorkflowVersion(1, "alice@msp.example", T0));
        assertThat(workflow.status()).isEqualTo(WorkflowStatus.DRAFT);
        assertThat(workflow.isActive()).isFalse();
        assertThat(created(WorkflowStatus.ACTIVE).isActive()).isTrue();
    }

    @Test
    void cannotBeCreatedArchived() {
        assertThatThrownBy(() -> created(WorkflowStatus.ARCHIVED))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("status"))
                .hasMessage("status must be draft or active for a new workflow");
    }

    @Test
    void everyEditAndStatusChangeIsTheNextVersionWithWhoAndWhen() {
        Workflow v1 = created(WorkflowStatus.DRAFT);
        WorkflowSteps steps = new WorkflowSteps(
                List.of(new WorkflowSteps.Check(ToolName.of("m365:get-user"), Map.of("user", "{requester}"))),
                List.of(new WorkflowSteps.Action(ToolName.of("m365:unblock-sign-in"), Map.of("user", "{requester}"),
                        "allow sign-in again")));

        Workflow v2 = v1.edited(new WorkflowName("Locked out (Acme)"), new Trigger("\"Locked out\" again."),
                "Unlock after a call-back.", steps, "bob@msp.example", T0.plusSeconds(60));
        Workflow v3 = v2.movedTo(WorkflowStatus.ACTIVE, "carol@msp.example", T0.plusSeconds(120));

        assertThat(v2.version()).isEqualTo(new WorkflowVersion(2, "bob@msp.example", T0.plusSeconds(60)));
        assertThat(v2.id()).isEqualTo(v1.id());
        assertThat(v2.status()).isEqualTo(WorkflowStatus.DRAFT);
        assertThat(v2.steps()).isEqualTo(steps);
        assertThat(v3.version()).isEqualTo(new WorkflowVersion(3, "carol@msp.example", T0.plusSeconds(120)));
        assertThat(v3.status()).isEqualTo(WorkflowStatus.ACTIVE);
        assertThat(v3.name()).isEqualTo(v2.name());
        assertThat(v3.applied()).isEqualTo(new AppliedWorkflow(v1.id(), new WorkflowName("Locked out (Acme)"), 3));
        assertThat(v3.applied().label()).isEqualTo("Locked out (Acme) v3");
    }

    @Test
    void movingToTheStatusItHasChangesNothing() {
        Workflow active = created(WorkflowStatus.ACTIVE);

        assertThat(active.movedTo(WorkflowStatus.ACTIVE, "bob@msp.example", T0.plusSeconds(1))).isSameAs(active);
    }

    @Test
    void anArchivedWorkflowCannotBecomeADraft() {
        Workflow archived = created(WorkflowStatus.ACTIVE).movedTo(WorkflowStatus.ARCHIVED, "bob", T0);

        assertThatThrownBy(() -> archived.movedTo(WorkflowStatus.DRAFT, "bob", T0))
                .isInstanceOfSatisfying(IllegalTransition.class, e -> {
                    assertThat(e.code()).isEqualTo("status.illegal-transition");
                    assertThat(e.from()).isEqualTo("archived");
                    assertThat(e.to()).isEqualTo("draft");
                })
                .hasMessage("a workflow cannot move from archived to draft");
        assertThat(archived.movedTo(WorkflowStatus.ACTIVE, "bob", T0).status()).isEqualTo(WorkflowStatus.ACTIVE);
    }

    @Test
    void requiresInstructionsOfAtMostTwentyThousandCharacters() {
        Workflow valid = created(WorkflowStatus.DRAFT);
        assertThatThrownBy(() -> new Workflow(valid.id(), SCOPE, valid.name(), valid.trigger(), " ", valid.steps(),
                valid.status(), valid.version())).isInstanceOf(InvalidValue.class).hasMessage("instructions is required");
        assertThatThrownBy(() -> valid.edited(valid.name(), valid.trigger(), "i".repeat(20_001), valid.steps(), "bob",
                T0)).isInstanceOf(InvalidValue.class).hasMessage("instructions must be at most 20000 characters");
        assertThat(valid.edited(valid.name(), valid.trigger(), "i".repeat(20_000), valid.steps(), "bob", T0)
                .instructions()).hasSize(20_000);
    }

    @Test
    void aVersionNamesWhoMadeIt() {
        assertThatThrownBy(() -> new WorkflowVersion(1, " ", T0)).isInstanceOf(InvalidValue.class)
                .hasMessage("changedBy is required");
        assertThatThrownBy(() -> new WorkflowVersion(0, "bob", T0)).isInstanceOf(InvalidValue.class);
    }

    @Test
    void namesAreTrimmedVisiblyAndComparedIgnoringCase() {
        assertThat(WorkflowName.trimmed("  VPN ")).isEqualTo(new WorkflowName("VPN"));
        assertThat(new WorkflowName("VPN").sameAs(new WorkflowName("vpn"))).isTrue();
        assertThatThrownBy(() -> new WorkflowName(" VPN")).isInstanceOf(InvalidValue.class)
                .hasMessage("name must not start or end with blanks");
        assertThatThrownBy(() -> new WorkflowName("")).isInstanceOf(InvalidValue.class).hasMessage("name is required");
        assertThatThrownBy(() -> new WorkflowName("n".repeat(201))).isInstanceOf(InvalidValue.class)
                .hasMessage("name must be at most 200 characters");
        assertThatThrownBy(() -> new WorkflowName("V\u202EPN")).isInstanceOf(InvalidValue.class)
                .hasMessageContaining("U+202E");
    }

    @Test
    void aBuiltInWorkflowsIdIsTheSameEverywhere() {
        assertThat(WorkflowId.builtIn(new WorkflowName("Locked out")))
                .isEqualTo(WorkflowId.builtIn(new WorkflowName("Locked out")))
                .isNotEqualTo(WorkflowId.builtIn(new WorkflowName("Leaver")));
    }
}

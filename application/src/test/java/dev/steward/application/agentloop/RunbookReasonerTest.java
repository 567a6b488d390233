package dev.steward.application.agentloop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.port.AgentRequest;
import dev.steward.application.port.PlannedAction;
import dev.steward.application.port.Reasoner;
import dev.steward.application.port.ReasonerStep;
import dev.steward.application.port.ReasoningContext;
import dev.steward.application.port.TranscriptItem;
import dev.steward.application.testkit.Fixtures;
import dev.steward.application.testkit.ReasonerContract;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.prompt.PromptText;
import dev.steward.domain.prompt.PromptTiers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunbookReasonerTest extends ReasonerContract {

    private final RunbookReasoner reasoner = new RunbookReasoner();

    @Override
    protected Reasoner reasoner() {
        return reasoner;
    }

    private ReasoningContext context(String text, List<Tool> catalog, List<TranscriptItem> transcript) {
        return new ReasoningContext(PromptTiers.of(PromptText.EMPTY, PromptText.EMPTY).compose(),
                new AgentRequest(UUID.randomUUID(), Fixtures.uniqueMspId(), new ClientId(UUID.randomUUID()), "1",
                        "dana@contoso.example", text), catalog, transcript);
    }

    @Test
    void runsTheMatchingRunbooksReadOnlyChecksInOrderWithTheRequesterFilledIn() {
        List<Tool> catalog = catalog();
        ReasonerStep first = reasoner.next(context("Outlook keeps asking for my PASSWORD", catalog, List.of()));
        assertThat(first).isEqualTo(new ReasonerStep.CallTool(ToolName.of("m365:get-user"),
                Map.of("user", "dana@contoso.example")));

        TranscriptItem answered = new TranscriptItem(ToolName.of("m365:get-user"),
                Map.of("user", "dana@contoso.example"), ActivityOutcome.OK, "enabled");
        ReasonerStep second = reasoner.next(context("Outlook keeps asking for my PASSWORD", catalog,
                List.of(answered)));
        assertThat(second).isEqualTo(new ReasonerStep.CallTool(ToolName.of("m365:list-auth-methods"),
                Map.of("user", "dana@contoso.example")));
    }

    @Test
    void skipsChecksWhoseToolIsNotConnectedAndPlansTheRunbooksActions() {
        ReasonerStep step = reasoner.next(context("I am locked out", List.of(), List.of()));

        assertThat(step).isInstanceOfSatisfying(ReasonerStep.Finish.class, finish -> {
            assertThat(finish.diagnosis()).contains("Sign-in trouble").contains("not connected");
            assertThat(finish.plan()).extracting(PlannedAction::tool).extracting(ToolName::value)
                    .containsExactly("m365:revoke-sessions", "m365:reset-password");
        });
    }

    @Test
    void neverAsksToRunAWriteToolEvenWhenARunbookListsIt() {
        Runbook risky = new Runbook("Risky", List.of("reset"), List.of(new Runbook.Step(
                ToolName.of("m365:reset-password"), Map.of())), List.of());
        ReasonerStep step = new RunbookReasoner(List.of(risky)).next(context("please reset", catalog(), List.of()));

        assertThat(step).isInstanceOf(ReasonerStep.Finish.class);
    }

    @Test
    void combinesEveryMatchingRunbook() {
        ReasonerStep step = reasoner.next(context("new starter needs a licence and shared mailbox access", List.of(),
                List.of()));

        assertThat(step).isInstanceOfSatisfying(ReasonerStep.Finish.class, finish -> assertThat(finish.diagnosis())
                .contains("Shared mailbox access").contains("New starter"));
    }

    @Test
    void aRequestNoRunbookMatchesFinishesWithoutAPlan() {
        assertThat(reasoner.next(context("the coffee machine is broken", catalog(), List.of())))
                .isInstanceOfSatisfying(ReasonerStep.Finish.class, f -> assertThat(f.plan()).isEmpty());
    }
}

package dev.steward.application.agentloop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.inmemory.InMemoryRunbookStore;
import dev.steward.application.inmemory.InMemoryUnitOfWork;
import dev.steward.application.port.AgentRequest;
import dev.steward.application.port.PlannedAction;
import dev.steward.application.port.Reasoner;
import dev.steward.application.port.ReasonerStep;
import dev.steward.application.port.ReasoningContext;
import dev.steward.application.port.Runbook;
import dev.steward.application.port.RunbookId;
import dev.steward.application.port.StoredRunbook;
import dev.steward.application.port.TranscriptItem;
import dev.steward.application.testkit.Fixtures;
import dev.steward.application.testkit.ReasonerContract;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.prompt.PromptText;
import dev.steward.domain.prompt.PromptTiers;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private static StoredRunbook stored(MspId msp, Optional<ClientId> client, String name, String trigger,
                                        String plannedTool) {
        return new StoredRunbook(new RunbookId(UUID.randomUUID()), msp, client, new Runbook(name, List.of(trigger),
                List.of(), List.of(new PlannedAction(ToolName.of(plannedTool), Map.of(), "from " + name))),
                Fixtures.T0);
    }

    private static List<String> plannedTools(ReasonerStep step) {
        assertThat(step).isInstanceOf(ReasonerStep.Finish.class);
        return ((ReasonerStep.Finish) step).plan().stream().map(a -> a.tool().value()).toList();
    }

    @Test
    void usesTheClientsRunbooksThenTheMspsThenTheBuiltInOnesAndANameReplacesTheLaterOnes() {
        InMemoryRunbookStore store = new InMemoryRunbookStore(new InMemoryUnitOfWork());
        MspId msp = Fixtures.uniqueMspId();
        ClientId client = new ClientId(UUID.randomUUID());
        store.save(stored(msp, Optional.empty(), "sign-in TROUBLE", "password", "m365:msp-fix"));
        store.save(stored(msp, Optional.empty(), "Printer", "printer", "m365:msp-printer"));
        store.save(stored(msp, Optional.of(client), "Printer", "printer", "m365:client-printer"));
        store.save(stored(msp, Optional.of(client), "VPN", "printer", "m365:client-vpn"));
        RunbookReasoner withStore = new RunbookReasoner(store);

        ReasoningContext printerAndPassword = new ReasoningContext(
                PromptTiers.of(PromptText.EMPTY, PromptText.EMPTY).compose(), new AgentRequest(UUID.randomUUID(),
                msp, client, "1", "dana@contoso.example", "printer jammed and my password expired"), List.of(),
                List.of());
        assertThat(plannedTools(withStore.next(printerAndPassword)))
                .containsExactly("m365:client-printer", "m365:client-vpn", "m365:msp-fix");

        ReasoningContext otherClient = new ReasoningContext(printerAndPassword.prompt(), new AgentRequest(
                UUID.randomUUID(), msp, new ClientId(UUID.randomUUID()), "2", "", "printer and password"), List.of(),
                List.of());
        assertThat(plannedTools(withStore.next(otherClient))).containsExactly("m365:msp-printer", "m365:msp-fix");
    }

    @Test
    void anotherMspsRunbookNeverApplies() {
        InMemoryRunbookStore store = new InMemoryRunbookStore(new InMemoryUnitOfWork());
        MspId other = Fixtures.uniqueMspId();
        ClientId client = new ClientId(UUID.randomUUID());
        store.save(stored(other, Optional.empty(), "Sign-in trouble", "password", "m365:other-msp"));
        store.save(stored(other, Optional.of(client), "Printer", "printer", "m365:other-msp-printer"));

        ReasoningContext mine = new ReasoningContext(PromptTiers.of(PromptText.EMPTY, PromptText.EMPTY).compose(),
                new AgentRequest(UUID.randomUUID(), Fixtures.uniqueMspId(), client, "1", "", "printer password"),
                List.of(), List.of());

        assertThat(plannedTools(new RunbookReasoner(store).next(mine)))
                .containsExactly("m365:revoke-sessions", "m365:reset-password");
    }
}

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
import dev.steward.domain.integration.ToolParameter;
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
        return context(text, catalog, Optional.empty(), transcript);
    }

    private ReasoningContext context(String text, List<Tool> catalog, Optional<String> psa,
                                     List<TranscriptItem> transcript) {
        return new ReasoningContext(PromptTiers.of(PromptText.EMPTY, PromptText.EMPTY).compose(),
                new AgentRequest(UUID.randomUUID(), Fixtures.uniqueMspId(), new ClientId(UUID.randomUUID()), "1",
                        "dana@contoso.example", text), catalog, psa, transcript);
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
        assertThat(second).isEqualTo(new ReasonerStep.CallTool(ToolName.of("m365:list-sign-ins"),
                Map.of("user", "dana@contoso.example")));
    }

    @Test
    void skipsChecksWhoseToolIsNotConnectedAndPlansTheRunbooksActions() {
        ReasonerStep step = reasoner.next(context("I am locked out", List.of(), List.of()));

        assertThat(step).isInstanceOfSatisfying(ReasonerStep.Finish.class, finish -> {
            assertThat(finish.diagnosis()).contains("Locked out").contains("not connected");
            assertThat(finish.plan()).extracting(PlannedAction::tool).extracting(ToolName::value)
                    .containsExactly("m365:unblock-sign-in");
        });
    }

    @Test
    void aCheckSearchesTheClientsDocumentationForTheTriggerFoundAndTheDiagnosisCarriesWhatItFound() {
        Runbook vpn = new Runbook("VPN trouble", List.of("vpn", "remote access"), List.of(new Runbook.Step(
                ToolName.of("hudu:search-articles"), Map.of("query", "{trigger}"))), List.of());
        List<Tool> catalog = List.of(Tool.readOnly("hudu:search-articles", "Search the client's articles"));
        RunbookReasoner docs = new RunbookReasoner(List.of(vpn));

        ReasonerStep first = docs.next(context("My VPN drops every hour", catalog, List.of()));
        assertThat(first).isEqualTo(new ReasonerStep.CallTool(ToolName.of("hudu:search-articles"),
                Map.of("query", "vpn")));

        TranscriptItem found = new TranscriptItem(ToolName.of("hudu:search-articles"), Map.of("query", "vpn"),
                ActivityOutcome.OK, "1 article matching \"vpn\" in Hudu company Contoso (page 1):\n- #301 VPN runbook");
        ReasonerStep done = docs.next(context("My VPN drops every hour", catalog, List.of(found)));
        assertThat(done).isInstanceOfSatisfying(ReasonerStep.Finish.class,
                finish -> assertThat(finish.diagnosis()).contains("hudu:search-articles: ok").contains("#301 VPN runbook"));
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
        store.save(stored(msp, Optional.empty(), "password RESET", "password", "m365:msp-fix"));
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
        store.save(stored(other, Optional.empty(), "Password reset", "password", "m365:other-msp"));
        store.save(stored(other, Optional.of(client), "Printer", "printer", "m365:other-msp-printer"));

        ReasoningContext mine = new ReasoningContext(PromptTiers.of(PromptText.EMPTY, PromptText.EMPTY).compose(),
                new AgentRequest(UUID.randomUUID(), Fixtures.uniqueMspId(), client, "1", "dana@contoso.example",
                        "printer password"),
                List.of(), List.of());

        assertThat(plannedTools(new RunbookReasoner(store).next(mine)))
                .containsExactly("m365:reset-password", "m365:revoke-sessions");
    }

    private static final ToolParameter USER = ToolParameter.required("user", ToolParameter.Type.STRING, "UPN");

    @Test
    void fillsTheTicketIntoThePsasOwnToolAndNotesTheErrorCodeTheRequesterQuoted() {
        List<Tool> catalog = List.of(Tool.readOnly("halopsa:get-ticket", "Reads a ticket")
                        .taking(ToolParameter.required("ticket", ToolParameter.Type.STRING, "id")),
                Tool.readOnly("m365:get-user", "Reads a user").taking(USER));
        String text = "I'm locked out, it says AADSTS50053";

        assertThat(reasoner.next(context(text, catalog, Optional.of("halopsa"), List.of()))).isEqualTo(
                new ReasonerStep.CallTool(ToolName.of("halopsa:get-ticket"), Map.of("ticket", "1")));
        ReasonerStep finish = reasoner.next(context(text, catalog, Optional.of("halopsa"), List.of(
                new TranscriptItem(ToolName.of("halopsa:get-ticket"), Map.of("ticket", "1"), ActivityOutcome.OK,
                        "Ticket 1 (open)"),
                new TranscriptItem(ToolName.of("m365:get-user"), Map.of("user", "dana@contoso.example"),
                        ActivityOutcome.OK, "Dana Reyes: sign-in blocked"))));
        assertThat(finish).isInstanceOfSatisfying(ReasonerStep.Finish.class, f -> {
            assertThat(f.diagnosis()).contains("The requester quoted error code AADSTS50053.")
                    .contains("m365:get-user: ok - Dana Reyes: sign-in blocked");
            assertThat(f.plan()).singleElement().isEqualTo(new PlannedAction(ToolName.of("m365:unblock-sign-in"),
                    Map.of("user", "dana@contoso.example"),
                    "allow sign-in again once the requester's identity is verified"));
        });
    }

    @Test
    void psaNamesTheToolOfTheKindTheCatalogDeclaresAPsaAndNoOtherIntegrationsToolOfTheSameName() {
        ToolParameter ticket = ToolParameter.required("ticket", ToolParameter.Type.STRING, "id");
        List<Tool> catalog = List.of(Tool.readOnly("tracker:get-ticket", "Reads an issue tracker's ticket")
                        .taking(ticket), Tool.readOnly("autotask:get-ticket", "Reads a ticket").taking(ticket),
                Tool.readOnly("m365:get-user", "Reads a user").taking(USER));
        String text = "I'm locked out";

        assertThat(reasoner.next(context(text, catalog, Optional.of("autotask"), List.of()))).isEqualTo(
                new ReasonerStep.CallTool(ToolName.of("autotask:get-ticket"), Map.of("ticket", "1")));
        assertThat(reasoner.next(context(text, catalog, Optional.empty(), List.of())))
                .as("no PSA among the tools: the ticket check is left out, not run on a look-alike")
                .isEqualTo(new ReasonerStep.CallTool(ToolName.of("m365:get-user"),
                        Map.of("user", "dana@contoso.example")));
    }

    @Test
    void anActionWhosePlaceholderTheRequestDoesNotFillIsNotPlannedAndTheDiagnosisSaysSo() {
        ReasonerStep without = reasoner.next(context("I need shared mailbox access please", List.of(), List.of()));
        assertThat(without).isInstanceOfSatisfying(ReasonerStep.Finish.class, f -> {
            assertThat(f.plan()).isEmpty();
            assertThat(f.diagnosis()).contains("Not planned: m365:add-to-group (the request does not say its group)");
        });

        ReasonerStep with = reasoner.next(context("I need shared mailbox access to \"Finance Team\"", List.of(),
                List.of()));
        assertThat(plannedTools(with)).containsExactly("m365:add-to-group");
        assertThat(((ReasonerStep.Finish) with).plan().getFirst().arguments())
                .containsExactly(Map.entry("user", "dana@contoso.example"), Map.entry("group", "Finance Team"));
    }

    @Test
    void aNewStarterIsPlannedFromTheNameAndAddressTheTicketGives() {
        ReasonerStep step = reasoner.next(context("New starter on Monday.\nName: Sam Lee\nEmail: sam.lee@contoso.com",
                List.of(), List.of()));

        assertThat(step).isInstanceOfSatisfying(ReasonerStep.Finish.class, f -> assertThat(f.plan()).singleElement()
                .satisfies(a -> {
                    assertThat(a.tool()).isEqualTo(ToolName.of("m365:create-user"));
                    assertThat(a.arguments()).containsEntry("displayName", "Sam Lee")
                            .containsEntry("userPrincipalName", "sam.lee@contoso.com");
                }));
    }

    @Test
    void noBuiltInRunbookEverPlansOrChecksWithAnUnfilledPlaceholder() {
        java.util.Random random = new java.util.Random(20261122);
        List<String> phrases = List.of("locked out", "password", "mfa", "new phone", "shared mailbox access",
                "new starter", "leaver", "\"Sales\"", "sam.lee@contoso.com", "AADSTS50126", "Name: Kim Park", "");
        for (int i = 0; i < 300; i++) {
            StringBuilder text = new StringBuilder("Help:");
            for (int p = 0; p < 1 + random.nextInt(4); p++) {
                text.append(' ').append(phrases.get(random.nextInt(phrases.size())));
            }
            String requester = random.nextBoolean() ? "dana@contoso.example" : "contact 30682411";
            List<TranscriptItem> transcript = new java.util.ArrayList<>();
            ReasonerStep step;
            while ((step = reasoner.next(new ReasoningContext(PromptTiers.of(PromptText.EMPTY, PromptText.EMPTY)
                    .compose(), new AgentRequest(UUID.randomUUID(), Fixtures.uniqueMspId(),
                    new ClientId(UUID.randomUUID()), "51001", requester, text.toString()), catalog(), transcript)))
                    instanceof ReasonerStep.CallTool call) {
                assertThat(call.arguments().values()).as(text.toString()).noneMatch(v -> v.contains("{"));
                transcript.add(new TranscriptItem(call.tool(), call.arguments(), ActivityOutcome.OK, "fine"));
            }
            assertThat(((ReasonerStep.Finish) step).plan()).as(text.toString())
                    .allSatisfy(a -> assertThat(a.arguments().values()).noneMatch(v -> v.contains("{")));
        }
    }
}

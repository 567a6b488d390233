package dev.steward.application.agentloop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.port.reasoning.AgentRequest;
import dev.steward.application.port.reasoning.BuiltInWorkflows;
import dev.steward.application.port.reasoning.PlannedAction;
import dev.steward.application.port.reasoning.Reasoner;
import dev.steward.application.port.reasoning.ReasonerContract;
import dev.steward.application.port.reasoning.ReasonerStep;
import dev.steward.application.port.reasoning.ReasoningContext;
import dev.steward.application.port.reasoning.TranscriptItem;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolParameter;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.prompt.PromptText;
import dev.steward.domain.prompt.PromptTiers;
import dev.steward.domain.workflow.AppliedWorkflow;
import dev.steward.domain.workflow.Trigger;
import dev.steward.domain.workflow.Workflow;
import dev.steward.domain.workflow.WorkflowCatalog;
import dev.steward.domain.workflow.WorkflowId;
import dev.steward.domain.workflow.WorkflowName;
import dev.steward.domain.workflow.WorkflowScope;
import dev.steward.domain.workflow.WorkflowStatus;
import dev.steward.domain.workflow.WorkflowSteps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
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

    private static Workflow workflow(WorkflowScope scope, String name, String trigger,
                                     List<WorkflowSteps.Check> checks, List<WorkflowSteps.Action> actions) {
        return Workflow.create(new WorkflowId(UUID.randomUUID()), scope, new WorkflowName(name), new Trigger(trigger),
                "Do it.", new WorkflowSteps(checks, actions), WorkflowStatus.ACTIVE, "alice", Fixtures.T0);
    }

    /** A context whose workflows in force are the client's and the MSP's stored ones, then the built-in ones. */
    private static ReasoningContext forClient(MspId msp, ClientId client, String text, List<Workflow> stored) {
        List<Workflow> candidates = Stream.concat(stored.stream(), BuiltInWorkflows.all().stream()).toList();
        return new ReasoningContext(PromptTiers.of(PromptText.EMPTY, PromptText.EMPTY).compose(),
                new AgentRequest(UUID.randomUUID(), msp, client, "1", "dana@contoso.example", text), List.of(),
                List.of(), WorkflowCatalog.forClient(msp, client, candidates).inForce());
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
        Workflow vpn = workflow(new WorkflowScope.BuiltIn(), "VPN trouble", "The \"VPN\" or \"remote access\" fails.",
                List.of(new WorkflowSteps.Check(ToolName.of("hudu:search-articles"), Map.of("query", "{trigger}"))),
                List.of());
        List<Tool> catalog = List.of(Tool.readOnly("hudu:search-articles", "Search the client's articles"));

        ReasonerStep first = reasoner.next(withWorkflows(context("My VPN drops every hour", catalog, List.of()),
                List.of(vpn)));
        assertThat(first).isEqualTo(new ReasonerStep.CallTool(ToolName.of("hudu:search-articles"),
                Map.of("query", "VPN")));

        TranscriptItem found = new TranscriptItem(ToolName.of("hudu:search-articles"), Map.of("query", "VPN"),
                ActivityOutcome.OK, "1 article matching \"vpn\" in Hudu company Contoso (page 1):\n- #301 VPN runbook");
        ReasonerStep done = reasoner.next(withWorkflows(context("My VPN drops every hour", catalog, List.of(found)),
                List.of(vpn)));
        assertThat(done).isInstanceOfSatisfying(ReasonerStep.Finish.class,
                finish -> assertThat(finish.diagnosis()).contains("hudu:search-articles: ok").contains("#301 VPN runbook"));
    }

    @Test
    void neverAsksToRunAWriteToolEvenWhenARunbookListsIt() {
        Workflow risky = workflow(new WorkflowScope.BuiltIn(), "Risky", "A \"reset\".",
                List.of(new WorkflowSteps.Check(ToolName.of("m365:reset-password"), Map.of())), List.of());
        ReasonerStep step = reasoner.next(withWorkflows(context("please reset", catalog(), List.of()), List.of(risky)));

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

    private static Workflow stored(MspId msp, Optional<ClientId> client, String name, String phrase,
                                   String plannedTool) {
        return workflow(WorkflowScope.of(msp, client), name, "It mentions \"" + phrase + "\".", List.of(),
                List.of(new WorkflowSteps.Action(ToolName.of(plannedTool), Map.of(), "from " + name)));
    }

    private static ReasoningContext withWorkflows(ReasoningContext context, List<Workflow> workflows) {
        return new ReasoningContext(context.prompt(), context.request(), context.catalog(), context.transcript(),
                workflows);
    }

    private static List<String> plannedTools(ReasonerStep step) {
        assertThat(step).isInstanceOf(ReasonerStep.Finish.class);
        return ((ReasonerStep.Finish) step).plan().stream().map(a -> a.tool().value()).toList();
    }

    @Test
    void usesTheClientsWorkflowsThenTheMspsThenTheBuiltInOnesAndANameReplacesTheLaterOnes() {
        MspId msp = Fixtures.uniqueMspId();
        ClientId client = new ClientId(UUID.randomUUID());
        List<Workflow> stored = List.of(
                stored(msp, Optional.empty(), "password RESET", "password", "m365:msp-fix"),
                stored(msp, Optional.empty(), "Printer", "printer", "m365:msp-printer"),
                stored(msp, Optional.of(client), "Printer", "printer", "m365:client-printer"),
                stored(msp, Optional.of(client), "VPN", "printer", "m365:client-vpn"));

        assertThat(plannedTools(reasoner.next(forClient(msp, client, "printer jammed and my password expired",
                stored)))).containsExactly("m365:client-printer", "m365:client-vpn", "m365:msp-fix");
        assertThat(plannedTools(reasoner.next(forClient(msp, new ClientId(UUID.randomUUID()), "printer and password",
                stored)))).containsExactly("m365:msp-fix", "m365:msp-printer");
    }

    @Test
    void anotherMspsWorkflowNeverApplies() {
        MspId other = Fixtures.uniqueMspId();
        ClientId client = new ClientId(UUID.randomUUID());
        List<Workflow> stored = List.of(
                stored(other, Optional.empty(), "Password reset", "password", "m365:other-msp"),
                stored(other, Optional.of(client), "Printer", "printer", "m365:other-msp-printer"));

        assertThat(plannedTools(reasoner.next(forClient(Fixtures.uniqueMspId(), client, "printer password", stored))))
                .containsExactly("m365:reset-password", "m365:revoke-sessions");
    }

    @Test
    void saysWhichWorkflowVersionsItApplied() {
        MspId msp = Fixtures.uniqueMspId();
        ClientId client = new ClientId(UUID.randomUUID());
        Workflow printer = stored(msp, Optional.of(client), "Printer", "printer", "m365:client-printer")
                .edited(new WorkflowName("Printer"), new Trigger("It mentions \"printer\"."), "Again.",
                        WorkflowSteps.NONE, "bob", Fixtures.T0);

        ReasonerStep step = reasoner.next(forClient(msp, client, "printer jammed and my password expired",
                List.of(printer)));

        assertThat(step).isInstanceOfSatisfying(ReasonerStep.Finish.class, f -> assertThat(f.applied())
                .containsExactly(new AppliedWorkflow(printer.id(), new WorkflowName("Printer"), 2),
                        BuiltInWorkflows.all().stream().filter(w -> w.name().value().equals("Password reset"))
                                .findFirst().orElseThrow().applied()));
        assertThat(reasoner.next(forClient(msp, client, "the coffee machine", List.of(printer))))
                .isInstanceOfSatisfying(ReasonerStep.Finish.class, f -> assertThat(f.applied()).isEmpty());
    }

    @Test
    void matchesPhrasesAsWholeWordsOnly() {
        assertThat(reasoner.next(context("my passwords notebook is lost; the comfaxx is down", List.of(), List.of())))
                .isInstanceOfSatisfying(ReasonerStep.Finish.class, f -> {
                    assertThat(f.applied()).isEmpty();
                    assertThat(f.diagnosis()).startsWith("No workflow matches");
                });
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
            List<TranscriptItem> transcript = new ArrayList<>();
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

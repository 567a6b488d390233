package dev.steward.application.agentloop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.agent.message.ToolPhase;
import dev.steward.application.port.reasoning.TranscriptItem;
import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.activity.ActivityKind;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.activity.RedactedArguments;
import dev.steward.domain.client.Client;
import dev.steward.domain.integration.ClientMapping;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolParameter;
import dev.steward.domain.integration.ToolPolicy;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.mode.OperatingMode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ToolGatewayTest {

    private static final ToolName GET_USER = ToolName.of("m365:get-user");
    private static final ToolName RESET = ToolName.of("m365:reset-password");
    private static final ToolName ARCHIVE = ToolName.of("m365:list-archive");

    private final AgentWorld world = new AgentWorld(new RunbookReasoner());
    private final Client client = world.client("250", OperatingMode.PLAN);
    private static final ToolParameter USER = ToolParameter.required("user", ToolParameter.Type.STRING, "UPN")
            .matching("[^@\\s]+@[^@\\s]+");
    private final Integration m365 = world.connect("m365", List.of(Tool.readOnly("m365:get-user", "read")
                    .taking(USER, ToolParameter.optional("password", ToolParameter.Type.STRING, "a secret")),
            Tool.write("m365:reset-password", "write").taking(USER), Tool.readOnly("m365:list-archive", "read")),
            Map.of(ARCHIVE, ToolPolicy.DISABLED));

    private SessionScope scope(EffectiveMode mode) {
        return new SessionScope(world.msp.id(), client.id(), UUID.randomUUID(), "51001", mode);
    }

    private ActivityEntry onlyEntry() {
        List<ActivityEntry> entries = world.activityOf("51001");
        assertThat(entries).hasSize(1);
        assertThat(entries.getFirst().kind()).isEqualTo(ActivityKind.TOOL_CALL);
        return entries.getFirst();
    }

    @Test
    void runsAReadOnlyToolAndRecordsItWithRedactedArguments() {
        TranscriptItem item = world.gateway.call(scope(EffectiveMode.PLAN), GET_USER,
                Map.of("user", "dana@contoso.example", "password", "hunter2"));

        assertThat(item.outcome()).isEqualTo(ActivityOutcome.OK);
        assertThat(world.executor.executed()).extracting(i -> i.tool()).containsExactly(GET_USER);
        ActivityEntry entry = onlyEntry();
        assertThat(entry.outcome()).isEqualTo(ActivityOutcome.OK);
        assertThat(entry.arguments().values()).containsEntry("user", "dana@contoso.example")
                .containsEntry("password", RedactedArguments.MASK);
        assertThat(entry.session()).isPresent();
    }

    @Test
    void anotherPsaThanTheClientsIsRefusedButALookAlikeToolOfAnIntegrationThatIsNoPsaRuns() {
        ToolParameter ticket = ToolParameter.required("ticket", ToolParameter.Type.STRING, "id");
        world.connect(AgentWorld.OTHER_PSA.name(), List.of(Tool.readOnly("halopsa:get-ticket", "read").taking(ticket)),
                Map.of());
        world.connect("tracker", List.of(Tool.readOnly("tracker:get-ticket", "read").taking(ticket)), Map.of());

        TranscriptItem otherPsa = world.gateway.call(scope(EffectiveMode.PLAN), ToolName.of("halopsa:get-ticket"),
                Map.of("ticket", "51001"));
        TranscriptItem lookAlike = world.gateway.call(scope(EffectiveMode.PLAN), ToolName.of("tracker:get-ticket"),
                Map.of("ticket", "51001"));

        assertThat(otherPsa.outcome()).isEqualTo(ActivityOutcome.REFUSED_BY_POLICY);
        assertThat(otherPsa.result()).contains("not a tool of any integration of this client");
        assertThat(lookAlike.outcome()).isEqualTo(ActivityOutcome.OK);
        assertThat(world.gateway.catalog(scope(EffectiveMode.PLAN))).extracting(t -> t.name().value())
                .contains("tracker:get-ticket").doesNotContain("halopsa:get-ticket");
    }

    @Test
    void planModeRefusesAWriteToolWithoutRunningIt() {
        TranscriptItem item = world.gateway.call(scope(EffectiveMode.PLAN), RESET,
                Map.of("user", "dana@contoso.example"));

        assertThat(item.outcome()).isEqualTo(ActivityOutcome.REFUSED_BY_MODE);
        assertThat(world.executor.executed()).isEmpty();
        assertThat(onlyEntry().outcome()).isEqualTo(ActivityOutcome.REFUSED_BY_MODE);
    }

    @Test
    void aDisabledToolIsRefusedByPolicyAndLeftOutOfTheCatalog() {
        assertThat(world.gateway.catalog(scope(EffectiveMode.PLAN))).extracting(Tool::name).doesNotContain(ARCHIVE);

        assertThat(world.gateway.call(scope(EffectiveMode.EXECUTE), ARCHIVE, Map.of()).outcome())
                .isEqualTo(ActivityOutcome.REFUSED_BY_POLICY);
        assertThat(world.executor.executed()).isEmpty();
        assertThat(onlyEntry().outcome()).isEqualTo(ActivityOutcome.REFUSED_BY_POLICY);
    }

    @Test
    void aToolNoIntegrationOffersIsRefusedByPolicyAndRecorded() {
        assertThat(world.gateway.call(scope(EffectiveMode.EXECUTE), ToolName.of("evil:exfiltrate"), Map.of())
                .outcome()).isEqualTo(ActivityOutcome.REFUSED_BY_POLICY);
        assertThat(onlyEntry().summary()).contains("evil:exfiltrate");
    }

    @Test
    void executingAPlanHoldsAnApprovalNeededToolForApproval() {
        assertThat(world.gateway.call(scope(EffectiveMode.EXECUTE), ToolPhase.EXECUTION, RESET,
                Map.of("user", "dana@contoso.example"))
                .outcome()).isEqualTo(ActivityOutcome.AWAITING_APPROVAL);
        assertThat(world.executor.executed()).isEmpty();
    }

    @Test
    void diagnosisInExecuteModeStillRunsNoWriteTool() {
        world.agents.integrations.update(m365.withPolicy(RESET, ToolPolicy.AUTO));

        TranscriptItem item = world.gateway.call(scope(EffectiveMode.EXECUTE), RESET,
                Map.of("user", "dana@contoso.example"));

        assertThat(item.outcome()).isEqualTo(ActivityOutcome.REFUSED_BY_MODE);
        assertThat(item.result()).contains("not run during diagnosis");
        assertThat(world.executor.executed()).isEmpty();
    }

    @Test
    void aFailingToolIsRecordedAsFailed() {
        world.executor.register(GET_USER, args -> {
            throw new IllegalStateException("tenant unreachable");
        });

        TranscriptItem item = world.gateway.call(scope(EffectiveMode.PLAN), GET_USER,
                Map.of("user", "dana@contoso.example"));

        assertThat(item.outcome()).isEqualTo(ActivityOutcome.FAILED);
        assertThat(onlyEntry().summary()).contains("tenant unreachable");
    }

    @Test
    void aPolicyChangeAppliesToTheNextCall() {
        world.agents.integrations.update(m365.withPolicy(GET_USER, ToolPolicy.DISABLED));

        assertThat(world.gateway.call(scope(EffectiveMode.PLAN), GET_USER, Map.of("user", "dana@contoso.example"))
                .outcome()).isEqualTo(ActivityOutcome.REFUSED_BY_POLICY);
    }

    @Test
    void argumentsThatDoNotFitTheToolsInputAreNotRunAndTheReasonerLearnsWhichAndWhy() {
        TranscriptItem item = world.gateway.call(scope(EffectiveMode.PLAN), GET_USER,
                Map.of("user", "not an address", "colour", "red"));

        assertThat(item.outcome()).isEqualTo(ActivityOutcome.FAILED);
        assertThat(item.result()).contains("m365:get-user was not run", "arguments.user must match",
                "arguments.colour is not an argument of this tool").doesNotContain("not an address");
        assertThat(world.executor.executed()).isEmpty();
        assertThat(onlyEntry().summary()).isEqualTo(item.result());
    }

    @Test
    void theInputIsCheckedBeforeThePolicySoAnInvalidCallIsNeverRaisedForApproval() {
        TranscriptItem item = world.gateway.call(scope(EffectiveMode.EXECUTE), ToolPhase.EXECUTION, RESET,
                Map.of());

        assertThat(item.outcome()).isEqualTo(ActivityOutcome.FAILED);
        assertThat(item.result()).contains("arguments.user is required");
        assertThat(world.executor.executed()).isEmpty();
    }

    @Test
    void aPsaToolCallCarriesTheCompanyTheClientIsMappedToInThatPsa() {
        ToolName getTicket = ToolName.of("connectwise:get-ticket");
        world.connect("connectwise", List.of(Tool.readOnly(getTicket.value(), "read")
                .taking(ToolParameter.required("ticket", ToolParameter.Type.STRING, "id"))), Map.of());

        world.gateway.call(scope(EffectiveMode.PLAN), getTicket, Map.of("ticket", "51001"));

        assertThat(world.executor.executed()).singleElement().satisfies(call -> assertThat(call.mapping())
                .map(ClientMapping::externalId).contains("250"));
    }

    @Test
    void ofAnMspsSeveralPsasAClientSeesOnlyTheOneItsTicketsComeFrom() {
        ToolParameter ticket = ToolParameter.required("ticket", ToolParameter.Type.STRING, "id");
        world.systems.connect(world.msp.id(), new dev.steward.application.inmemory.InMemoryTicketSystem("halopsa",
                world.clock));
        world.connect("connectwise", List.of(Tool.readOnly("connectwise:get-ticket", "read").taking(ticket)),
                Map.of());
        world.connect("halopsa", List.of(Tool.readOnly("halopsa:get-ticket", "read").taking(ticket)), Map.of());

        assertThat(world.gateway.catalog(scope(EffectiveMode.PLAN))).extracting(t -> t.name().value())
                .contains("connectwise:get-ticket", "m365:get-user").doesNotContain("halopsa:get-ticket");
        assertThat(world.gateway.call(scope(EffectiveMode.PLAN), ToolName.of("halopsa:get-ticket"),
                Map.of("ticket", "51001")).outcome()).isEqualTo(ActivityOutcome.REFUSED_BY_POLICY);
        assertThat(world.executor.executed()).isEmpty();
    }

    @Test
    void passesTheClientsMappingOfTheIntegrationAndTheRequesterToTheTool() {
        world.mappings.save(new ClientMapping(world.msp.id(), client.id(), "m365", "tenant-a", "Contoso"));
        SessionScope scope = new SessionScope(world.msp.id(), client.id(), UUID.randomUUID(), "51001",
                EffectiveMode.PLAN, "dana@contoso.example");

        world.gateway.call(scope, GET_USER, Map.of("user", "dana@contoso.example"));

        assertThat(world.executor.executed()).singleElement().satisfies(call -> {
            assertThat(call.mapping()).map(ClientMapping::externalId).contains("tenant-a");
            assertThat(call.requester()).isEqualTo("dana@contoso.example");
            assertThat(call.session()).isEqualTo(scope.session());
        });
    }

    @Test
    void aCallOfAMappingScopedKindForAnUnmappedClientIsRefusedBeforeTheProviderAndRecorded() {
        ToolName search = ToolName.of("hudu:search-articles");
        world.connect("hudu", AgentWorld.DOCS.tools(), Map.of());

        TranscriptItem item = world.gateway.call(scope(EffectiveMode.PLAN), search, Map.of());

        assertThat(item.outcome()).isEqualTo(ActivityOutcome.REFUSED_BY_POLICY);
        assertThat(item.result()).startsWith("No documentation company mapped: this client is not mapped to one in "
                + "Hudu, so hudu:search-articles was not run. Go on without it");
        assertThat(world.executor.executed()).as("the provider is never reached").isEmpty();
        assertThat(onlyEntry().outcome()).isEqualTo(ActivityOutcome.REFUSED_BY_POLICY);
        assertThat(onlyEntry().summary()).isEqualTo(item.result());
    }

    @Test
    void noApprovalIsAskedForACallThatCouldNotRunForWantOfAMapping() {
        Client executing = world.client("251", OperatingMode.EXECUTE);
        world.connect("hudu", AgentWorld.DOCS.tools(), Map.of());
        SessionScope scope = new SessionScope(world.msp.id(), executing.id(), UUID.randomUUID(), "51001",
                EffectiveMode.EXECUTE);

        TranscriptItem item = world.gateway.call(scope, ToolPhase.EXECUTION,
                ToolName.of("hudu:get-password"), Map.of());

        assertThat(item.outcome()).isEqualTo(ActivityOutcome.REFUSED_BY_POLICY);
        assertThat(item.result()).startsWith("No documentation company mapped");
    }

    @Test
    void aMappedClientsCallOfAMappingScopedKindRunsInItsCompany() {
        ToolName search = ToolName.of("hudu:search-articles");
        world.connect("hudu", AgentWorld.DOCS.tools(), Map.of());
        world.mappings.save(new ClientMapping(world.msp.id(), client.id(), "hudu", "7", "Contoso"));

        TranscriptItem item = world.gateway.call(scope(EffectiveMode.PLAN), search, Map.of());

        assertThat(item.outcome()).isEqualTo(ActivityOutcome.OK);
        assertThat(world.executor.executed()).singleElement().satisfies(call -> assertThat(call.mapping())
                .map(ClientMapping::externalId).contains("7"));
    }
}

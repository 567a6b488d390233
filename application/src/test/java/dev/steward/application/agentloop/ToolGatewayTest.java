package dev.steward.application.agentloop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.port.TranscriptItem;
import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.activity.ActivityKind;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.activity.RedactedArguments;
import dev.steward.domain.client.Client;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolName;
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
    private final Integration m365 = world.connect("m365", List.of(Tool.readOnly("m365:get-user", "read"),
            Tool.write("m365:reset-password", "write"), Tool.readOnly("m365:list-archive", "read")),
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
    void planModeRefusesAWriteToolWithoutRunningIt() {
        TranscriptItem item = world.gateway.call(scope(EffectiveMode.PLAN), RESET, Map.of("user", "dana"));

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
        assertThat(world.gateway.call(scope(EffectiveMode.EXECUTE), ToolGateway.Phase.EXECUTION, RESET, Map.of())
                .outcome()).isEqualTo(ActivityOutcome.AWAITING_APPROVAL);
        assertThat(world.executor.executed()).isEmpty();
    }

    @Test
    void diagnosisInExecuteModeStillRunsNoWriteTool() {
        world.integrations.update(m365.withPolicy(RESET, ToolPolicy.AUTO));

        TranscriptItem item = world.gateway.call(scope(EffectiveMode.EXECUTE), RESET, Map.of());

        assertThat(item.outcome()).isEqualTo(ActivityOutcome.REFUSED_BY_MODE);
        assertThat(item.result()).contains("not run during diagnosis");
        assertThat(world.executor.executed()).isEmpty();
    }

    @Test
    void aFailingToolIsRecordedAsFailed() {
        world.executor.register(GET_USER, args -> {
            throw new IllegalStateException("tenant unreachable");
        });

        TranscriptItem item = world.gateway.call(scope(EffectiveMode.PLAN), GET_USER, Map.of());

        assertThat(item.outcome()).isEqualTo(ActivityOutcome.FAILED);
        assertThat(onlyEntry().summary()).contains("tenant unreachable");
    }

    @Test
    void aPolicyChangeAppliesToTheNextCall() {
        world.integrations.update(m365.withPolicy(GET_USER, ToolPolicy.DISABLED));

        assertThat(world.gateway.call(scope(EffectiveMode.PLAN), GET_USER, Map.of()).outcome())
                .isEqualTo(ActivityOutcome.REFUSED_BY_POLICY);
    }
}

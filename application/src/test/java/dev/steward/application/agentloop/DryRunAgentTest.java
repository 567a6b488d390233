package dev.steward.application.agentloop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.agent.AgentReasoning;
import dev.steward.application.dryrun.DryRunCommand;
import dev.steward.application.dryrun.DryRunResult;
import dev.steward.application.dryrun.DryRunService;
import dev.steward.application.port.reasoning.TranscriptItem;
import dev.steward.application.spi.ToolCall;
import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.client.Client;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolParameter;
import dev.steward.domain.mode.OperatingMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A dry run on the agents' own code against a real ticket, for a client in execute mode: the agent's read tools run
 * through the gateway, its write tools are only planned (never executed, no approval raised), nothing is posted to
 * the PSA, and everything is filed in activity under {@code dry-run:<ticket>}.
 */
class DryRunAgentTest {

    private static final ToolParameter USER = ToolParameter.required("user", ToolParameter.Type.STRING, "UPN");

    private final AgentWorld world = AgentWorld.withRunbooks();
    private final Client client = world.client("250", OperatingMode.EXECUTE);
    private final DryRunService dryRun = new DryRunService(world.clients, world.agents.api().gateway(),
            world.agents.api().model(),
            AgentReasoning.runbooks(), world.gateway, world.systems, world.activity, world.ids, world.clock);

    @Test
    void runsReadsForRealAndOnlyPlansWritesWritingNothing() {
        world.connect("m365", List.of(Tool.readOnly("m365:get-user", "Reads a user").taking(USER),
                Tool.readOnly("m365:list-sign-ins", "Lists sign-ins").taking(USER),
                Tool.write("m365:reset-password", "Resets a password").taking(USER),
                Tool.write("m365:revoke-sessions", "Signs out sessions").taking(USER)), Map.of());
        String number = world.psa.open("250", "I forgot my password", "it expired over the weekend",
                "dana@contoso.example", world.clock.instant());

        DryRunResult result = dryRun.run(new DryRunCommand(world.msp.id(), client.slug().value(), number, null,
                "tech@northwind.example"));

        assertThat(result.toolCalls()).extracting(TranscriptItem::tool).contains(ToolName.of("m365:get-user"));
        assertThat(result.toolCalls()).filteredOn(c -> c.tool().value().startsWith("m365:get-user"))
                .allSatisfy(c -> assertThat(c.outcome()).isEqualTo(ActivityOutcome.OK));
        assertThat(world.executor.executed()).extracting(ToolCall::tool).as("the reads ran")
                .contains(ToolName.of("m365:get-user"));
        assertThat(world.executor.executed()).extracting(ToolCall::tool).as("no write ran")
                .doesNotContain(ToolName.of("m365:reset-password"), ToolName.of("m365:revoke-sessions"));
        assertThat(result.note()).contains("m365:reset-password");
        assertThat(result.workflows()).extracting(w -> w.name().value()).contains("Password reset");
        assertThat(world.psa.allNotes()).as("nothing posted to the ticket").isEmpty();
        assertThat(world.approvals.pending(world.msp.id(), java.util.Optional.empty())).isEmpty();
        assertThat(world.activityOf(number)).as("nothing filed under the real ticket").isEmpty();
        assertThat(world.activityOf("dry-run:" + number)).extracting(ActivityEntry::summary)
                .anySatisfy(s -> assertThat(s).startsWith("dry run, not posted: "))
                .anySatisfy(s -> assertThat(s).startsWith("dry run requested by tech@northwind.example: "
                        + "I forgot my password"));
    }
}

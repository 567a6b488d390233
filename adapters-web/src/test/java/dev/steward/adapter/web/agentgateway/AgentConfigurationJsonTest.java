package dev.steward.adapter.web.agentgateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.adapter.web.http.JsonBodies;
import dev.steward.application.agent.message.AgentConfiguration;
import dev.steward.domain.workflow.Trigger;
import dev.steward.domain.workflow.Workflow;
import dev.steward.domain.workflow.WorkflowId;
import dev.steward.domain.workflow.WorkflowName;
import dev.steward.domain.workflow.WorkflowScope;
import dev.steward.domain.workflow.WorkflowStatus;
import dev.steward.domain.workflow.WorkflowSteps;
import dev.steward.domain.workflow.WorkflowVersion;
import java.time.Instant;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.client.Slug;
import dev.steward.domain.integration.ToolEffect;
import dev.steward.domain.integration.ToolInput;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolPolicy;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.prompt.ComposedPrompt;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AgentConfigurationJsonTest {

    private final ObjectMapper json = JsonBodies.newMapper();

    @Test
    void aConfigurationWithWorkflowsAndItsPsaTravelsToTheAgentUnchanged() throws Exception {
        MspId msp = new MspId(UUID.randomUUID());
        ClientId client = new ClientId(UUID.randomUUID());
        Workflow printer = new Workflow(new WorkflowId(UUID.randomUUID()), new WorkflowScope.OneClient(msp, client),
                new WorkflowName("Printer"), new Trigger("The \"printer\" is offline."), "Restart the spooler.\nThen?",
                new WorkflowSteps(List.of(new WorkflowSteps.Check(ToolName.of("intune:list-printers"),
                        Map.of("user", "{requester}"))),
                        List.of(new WorkflowSteps.Action(ToolName.of("intune:restart-spooler"), Map.of("device", "pc"),
                                "a stuck spooler"))),
                WorkflowStatus.ACTIVE, new WorkflowVersion(3, "tech@msp.example", Instant.parse("2026-12-05T03:00:00Z")));
        Workflow mspWide = new Workflow(new WorkflowId(UUID.randomUUID()), new WorkflowScope.MspWide(msp),
                new WorkflowName("VPN"), new Trigger("The \"VPN\" is down."), "Reconnect.", WorkflowSteps.NONE,
                WorkflowStatus.ACTIVE, new WorkflowVersion(1, "admin@msp.example", Instant.parse("2026-12-05T03:00:00Z")));
        AgentConfiguration config = new AgentConfiguration(client, msp, Slug.of("acme"), 7, EffectiveMode.EXECUTE,
                new ComposedPrompt("Be brief."), List.of(new AgentConfiguration.ToolGrant(
                ToolName.of("m365:reset-password"), ToolEffect.WRITE, ToolPolicy.APPROVAL_NEEDED, "Resets"),
                new AgentConfiguration.ToolGrant(ToolName.of("halopsa:get-ticket"), ToolEffect.READ_ONLY,
                        ToolPolicy.AUTO, "Reads a ticket")), Optional.of("halopsa"),
                AgentConfiguration.ReasonerChoice.RUNBOOK, List.of(printer, mspWide));

        String wire = json.writeValueAsString(AgentConfigurationJson.from(config));

        assertThat(json.readValue(wire, AgentConfigurationJson.class).toConfiguration()).isEqualTo(config);
    }

    @Test
    void aToolsInputSchemaTravelsToTheAgentSoItsModelIsShownIt() throws Exception {
        String schema = "{\"type\":\"object\",\"properties\":{\"message\":{\"type\":\"string\"}},"
                + "\"required\":[\"message\"]}";
        AgentConfiguration config = new AgentConfiguration(new ClientId(UUID.randomUUID()),
                new MspId(UUID.randomUUID()), Slug.of("acme"), 1, EffectiveMode.PLAN, new ComposedPrompt(""),
                List.of(new AgentConfiguration.ToolGrant(ToolName.of("mcp:rmm:echo"), ToolEffect.READ_ONLY,
                        ToolPolicy.AUTO, "Echoes", ToolInput.described(schema, List.of()))), Optional.empty(),
                AgentConfiguration.ReasonerChoice.RUNBOOK, List.of());

        String wire = json.writeValueAsString(AgentConfigurationJson.from(config));

        assertThat(json.readTree(wire).path("tools").get(0).path("inputSchema").path("required").get(0).asText())
                .isEqualTo("message");
        AgentConfiguration received = json.readValue(wire, AgentConfigurationJson.class).toConfiguration();
        assertThat(received).isEqualTo(config);
        assertThat(received.catalog().getFirst().input().jsonSchema()).isEqualTo(schema);
    }
}

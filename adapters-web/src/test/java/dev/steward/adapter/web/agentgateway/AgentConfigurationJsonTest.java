package dev.steward.adapter.web.agentgateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.adapter.web.http.JsonBodies;
import dev.steward.application.agent.message.AgentConfiguration;
import dev.steward.application.port.PlannedAction;
import dev.steward.application.port.Runbook;
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
    void aConfigurationWithRunbooksAndItsPsaTravelsToTheAgentUnchanged() throws Exception {
        AgentConfiguration config = new AgentConfiguration(new ClientId(UUID.randomUUID()),
                new MspId(UUID.randomUUID()), Slug.of("acme"), 7, EffectiveMode.EXECUTE,
                new ComposedPrompt("Be brief."), List.of(new AgentConfiguration.ToolGrant(
                ToolName.of("m365:reset-password"), ToolEffect.WRITE, ToolPolicy.APPROVAL_NEEDED, "Resets"),
                new AgentConfiguration.ToolGrant(ToolName.of("halopsa:get-ticket"), ToolEffect.READ_ONLY,
                        ToolPolicy.AUTO, "Reads a ticket")), Optional.of("halopsa"),
                AgentConfiguration.ReasonerChoice.RUNBOOK, List.of(new Runbook("Printer", List.of("printer"),
                List.of(new Runbook.Step(ToolName.of("intune:list-printers"), Map.of("user", "{requester}"))),
                List.of(new PlannedAction(ToolName.of("intune:restart-spooler"), Map.of("device", "pc"),
                        "a stuck spooler")))));

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

package dev.steward.adapter.web.agentgateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The agent API's configuration document: the one mapping between {@link AgentConfiguration} and JSON. {@code psa} is
 * null when no PSA is among the tools.
 */
public record AgentConfigurationJson(String clientId, String mspId, String slug, long version, String mode,
                                     String prompt, List<ToolJson> tools, String psa, ReasonerJson reasoner,
                                     List<RunbookJson> runbooks) {

    /** {@code inputSchema}: the JSON Schema of the tool's arguments, which the agent's model is shown. */
    public record ToolJson(String name, String effect, String policy, String description, JsonNode inputSchema) {}

    /** {@code runbook}, or {@code model} with the model's name (the control plane holds its key). */
    public record ReasonerJson(String kind, String model) {}

    public record RunbookJson(String name, List<String> triggers, List<StepJson> diagnosis, List<ActionJson> plan) {}

    public record StepJson(String tool, Map<String, String> arguments) {}

    public record ActionJson(String tool, Map<String, String> arguments, String reason) {}

    public static AgentConfigurationJson from(AgentConfiguration config) {
        return new AgentConfigurationJson(config.client().toString(), config.msp().toString(), config.slug().value(),
                config.version(), config.mode().label(), config.prompt().text(),
                config.tools().stream().map(t -> new ToolJson(t.name().value(),
                        t.effect().name().toLowerCase(Locale.ROOT), t.policy().label(), t.description(),
                        schema(t.input()))).toList(),
                config.psa().orElse(null),
                new ReasonerJson(config.reasoner().kind().name().toLowerCase(Locale.ROOT), config.reasoner().model()),
                config.runbooks().stream().map(r -> new RunbookJson(r.name(), r.triggers(),
                        r.diagnosis().stream().map(s -> new StepJson(s.tool().value(), s.arguments())).toList(),
                        r.plan().stream().map(a -> new ActionJson(a.tool().value(), a.arguments(), a.reason()))
                                .toList())).toList());
    }

    public AgentConfiguration toConfiguration() {
        return new AgentConfiguration(ClientId.parse(clientId), MspId.parse(mspId), Slug.of(slug), version,
                EffectiveMode.parse("mode", mode), new ComposedPrompt(prompt),
                tools.stream().map(t -> new AgentConfiguration.ToolGrant(ToolName.of(t.name()),
                        ToolEffect.valueOf(t.effect().toUpperCase(Locale.ROOT)), ToolPolicy.parse("policy",
                        t.policy()), t.description(), input(t.inputSchema()))).toList(),
                Optional.ofNullable(psa).filter(kind -> !kind.isBlank()),
                new AgentConfiguration.ReasonerChoice(AgentConfiguration.ReasonerChoice.Kind.valueOf(
                        reasoner.kind().toUpperCase(Locale.ROOT)), reasoner.model()),
                runbooks == null ? List.of() : runbooks.stream().map(r -> new Runbook(r.name(), r.triggers(),
                        r.diagnosis().stream().map(s -> new Runbook.Step(ToolName.of(s.tool()), s.arguments()))
                                .toList(),
                        r.plan().stream().map(a -> new PlannedAction(ToolName.of(a.tool()), a.arguments(),
                                a.reason())).toList())).toList());
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** None for a tool that takes nothing. */
    private static JsonNode schema(ToolInput input) {
        if (input.equals(ToolInput.NONE)) {
            return null;
        }
        try {
            return JSON.readTree(input.jsonSchema());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tool's input schema is JSON by construction", e);
        }
    }

    /**
     * The schema as the agent's model is to be shown it; the arguments are checked against the tool's parameters in
     * the control plane, so the agent keeps only the text. None for a tool that takes nothing.
     */
    private static ToolInput input(JsonNode schema) {
        return schema == null || !schema.isObject() ? ToolInput.NONE
                : ToolInput.described(schema.toString(), List.of());
    }
}

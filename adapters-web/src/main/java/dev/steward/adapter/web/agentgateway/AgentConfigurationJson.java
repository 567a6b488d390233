package dev.steward.adapter.web.agentgateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.application.agent.message.AgentConfiguration;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.client.Slug;
import dev.steward.domain.integration.ToolEffect;
import dev.steward.domain.integration.ToolInput;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolPolicy;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.prompt.ComposedPrompt;
import dev.steward.domain.workflow.Trigger;
import dev.steward.domain.workflow.Workflow;
import dev.steward.domain.workflow.WorkflowId;
import dev.steward.domain.workflow.WorkflowName;
import dev.steward.domain.workflow.WorkflowScope;
import dev.steward.domain.workflow.WorkflowStatus;
import dev.steward.domain.workflow.WorkflowSteps;
import dev.steward.domain.workflow.WorkflowVersion;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The agent API's configuration document: the one mapping between {@link AgentConfiguration} and JSON. {@code psa} is
 * null when no PSA is among the tools.
 */
public record AgentConfigurationJson(String clientId, String mspId, String slug, long version, String mode,
                                     String prompt, List<ToolJson> tools, String psa, ReasonerJson reasoner,
                                     List<WorkflowJson> workflows) {

    /** {@code inputSchema}: the JSON Schema of the tool's arguments, which the agent's model is shown. */
    public record ToolJson(String name, String effect, String policy, String description, JsonNode inputSchema) {}

    /** {@code runbook}, or {@code model} with the model's name (the control plane holds its key). */
    public record ReasonerJson(String kind, String model) {}

    /**
     * An active workflow of the client ({@code client} its id) or of the MSP ({@code client} null), at one version:
     * the agent resolves precedence against the built-in ones it ships with and names the versions it applied.
     */
    public record WorkflowJson(String id, String client, String name, String trigger, String instructions,
                               List<CheckJson> checks, List<ActionJson> actions, int version, String changedBy,
                               Instant changedAt) {}

    public record CheckJson(String tool, Map<String, String> arguments) {}

    public record ActionJson(String tool, Map<String, String> arguments, String reason) {}

    public static AgentConfigurationJson from(AgentConfiguration config) {
        return new AgentConfigurationJson(config.client().toString(), config.msp().toString(), config.slug().value(),
                config.version(), config.mode().label(), config.prompt().text(),
                config.tools().stream().map(t -> new ToolJson(t.name().value(),
                        t.effect().name().toLowerCase(Locale.ROOT), t.policy().label(), t.description(),
                        schema(t.input()))).toList(),
                config.psa().orElse(null),
                new ReasonerJson(config.reasoner().kind().name().toLowerCase(Locale.ROOT), config.reasoner().model()),
                config.workflows().stream().map(AgentConfigurationJson::workflow).toList());
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
                workflows == null ? List.of() : workflows.stream().map(w -> workflow(MspId.parse(mspId), w)).toList());
    }

    private static WorkflowJson workflow(Workflow w) {
        return new WorkflowJson(w.id().toString(), w.scope().client().map(ClientId::toString).orElse(null),
                w.name().value(), w.trigger().sentence(), w.instructions(),
                w.steps().checks().stream().map(c -> new CheckJson(c.tool().value(), c.arguments())).toList(),
                w.steps().actions().stream().map(a -> new ActionJson(a.tool().value(), a.arguments(), a.reason()))
                        .toList(),
                w.version().number(), w.version().changedBy(), w.version().changedAt());
    }

    /** Only active workflows travel to agents. */
    private static Workflow workflow(MspId msp, WorkflowJson w) {
        return new Workflow(new WorkflowId(UUID.fromString(w.id())),
                WorkflowScope.of(msp, Optional.ofNullable(w.client()).map(ClientId::parse)),
                new WorkflowName(w.name()), new Trigger(w.trigger()), w.instructions(),
                new WorkflowSteps(
                        w.checks() == null ? List.of() : w.checks().stream().map(c -> new WorkflowSteps.Check(
                                ToolName.of(c.tool()), c.arguments())).toList(),
                        w.actions() == null ? List.of() : w.actions().stream().map(a -> new WorkflowSteps.Action(
                                ToolName.of(a.tool()), a.arguments(), a.reason())).toList()),
                WorkflowStatus.ACTIVE, new WorkflowVersion(w.version(), w.changedBy(), w.changedAt()));
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

package dev.steward.adapter.web.agentgateway;

import dev.steward.application.agent.AgentConfiguration;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.client.Slug;
import dev.steward.domain.integration.ToolEffect;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolPolicy;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.prompt.ComposedPrompt;
import java.util.List;

/** The agent API's configuration document: the one mapping between {@link AgentConfiguration} and JSON. */
public record AgentConfigurationJson(String clientId, String slug, long version, String mode, String prompt,
                                     List<ToolJson> tools) {

    public record ToolJson(String name, String effect, String policy, String description) {}

    public static AgentConfigurationJson from(AgentConfiguration config) {
        return new AgentConfigurationJson(config.client().toString(), config.slug().value(), config.version(),
                config.mode().label(), config.prompt().text(),
                config.tools().stream().map(t -> new ToolJson(t.name().value(), t.effect().name().toLowerCase(),
                        t.policy().label(), t.description())).toList());
    }

    public AgentConfiguration toConfiguration() {
        return new AgentConfiguration(ClientId.parse(clientId), Slug.of(slug), version,
                EffectiveMode.parse("mode", mode), new ComposedPrompt(prompt),
                tools.stream().map(t -> new AgentConfiguration.ToolGrant(ToolName.of(t.name()),
                        ToolEffect.valueOf(t.effect().toUpperCase()), ToolPolicy.parse("policy", t.policy()),
                        t.description())).toList());
    }
}

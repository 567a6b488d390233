package dev.steward.application.agent;

import dev.steward.domain.client.ClientId;
import dev.steward.domain.client.Slug;
import dev.steward.domain.integration.ToolEffect;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolPolicy;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.prompt.ComposedPrompt;
import java.util.List;
import java.util.Objects;

/**
 * Everything an agent runs with, and nothing secret: the composed prompt, the effective mode, and the tools it may
 * see with their policies (disabled tools are left out). {@code version} is what the agent acknowledges.
 */
public record AgentConfiguration(ClientId client, Slug slug, long version, EffectiveMode mode, ComposedPrompt prompt,
                                 List<ToolGrant> tools) {

    public record ToolGrant(ToolName name, ToolEffect effect, ToolPolicy policy, String description) {
        public ToolGrant {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(effect, "effect");
            Objects.requireNonNull(policy, "policy");
            description = description == null ? "" : description;
        }
    }

    public AgentConfiguration {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(prompt, "prompt");
        tools = List.copyOf(tools);
    }
}

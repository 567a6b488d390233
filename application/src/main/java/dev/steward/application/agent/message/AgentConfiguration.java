package dev.steward.application.agent.message;

import dev.steward.domain.client.ClientId;
import dev.steward.domain.client.Slug;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolEffect;
import dev.steward.domain.integration.ToolInput;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolPolicy;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.prompt.ComposedPrompt;
import dev.steward.domain.workflow.Workflow;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an agent runs with, and nothing secret: the composed prompt, the effective mode, the tools it may see
 * with their policies (disabled tools are left out), the integration kind of the client's PSA among them (as its
 * provider's catalog declares it: what a workflow's {@code psa:<tool>} names), which reasoner it runs, and the active
 * workflows the client's MSP wrote for it and for all its clients (the built-in ones ship with the agent, which
 * resolves precedence). {@code version} is what the agent acknowledges.
 */
public record AgentConfiguration(ClientId client, MspId msp, Slug slug, long version, EffectiveMode mode,
                                 ComposedPrompt prompt, List<ToolGrant> tools, Optional<String> psa,
                                 ReasonerChoice reasoner, List<Workflow> workflows) {

    /** A tool the agent may ask for, with what it takes (the model is shown its input schema). */
    public record ToolGrant(ToolName name, ToolEffect effect, ToolPolicy policy, String description, ToolInput input) {
        public ToolGrant {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(effect, "effect");
            Objects.requireNonNull(policy, "policy");
            description = description == null ? "" : description;
            Objects.requireNonNull(input, "input");
        }

        /** A tool that takes no arguments. */
        public ToolGrant(ToolName name, ToolEffect effect, ToolPolicy policy, String description) {
            this(name, effect, policy, description, ToolInput.NONE);
        }

        public Tool tool() {
            return new Tool(name, effect, description).withInput(input);
        }
    }

    /** The reasoner agents run: runbooks (no model), or a model named {@code model} behind the control plane. */
    public record ReasonerChoice(Kind kind, String model) {

        public enum Kind { RUNBOOK, MODEL }

        public static final ReasonerChoice RUNBOOK = new ReasonerChoice(Kind.RUNBOOK, "");

        public ReasonerChoice {
            Objects.requireNonNull(kind, "kind");
            model = model == null ? "" : model.strip();
            if (kind == Kind.MODEL && model.isEmpty()) {
                throw new IllegalArgumentException("a model reasoner names its model");
            }
        }

        public static ReasonerChoice model(String name) {
            return new ReasonerChoice(Kind.MODEL, name);
        }
    }

    public AgentConfiguration {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(msp, "msp");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(prompt, "prompt");
        tools = List.copyOf(tools);
        Objects.requireNonNull(psa, "psa");
        Objects.requireNonNull(reasoner, "reasoner");
        workflows = List.copyOf(workflows);
    }

    /** The tools the reasoner may ask for. */
    public List<Tool> catalog() {
        return tools.stream().map(ToolGrant::tool).toList();
    }
}

package dev.steward.bootstrap;

import dev.steward.adapter.llm.ChatCompletionsReasoner;
import dev.steward.application.agent.AgentReasoning;
import dev.steward.application.agent.message.AgentConfiguration;
import dev.steward.application.agentloop.RunbookReasoner;
import dev.steward.application.port.agent.ControlPlane;
import dev.steward.application.port.reasoning.Reasoner;

/**
 * Every reasoner an agent can be configured for, in a container and in process alike: the runbook reasoner on the
 * configuration's workflows, or the chat-completions reasoner whose completions go through the control plane.
 */
final class AgentReasonings implements AgentReasoning {

    @Override
    public Reasoner reasonerFor(AgentConfiguration configuration, ControlPlane controlPlane) {
        return switch (configuration.reasoner().kind()) {
            case RUNBOOK -> new RunbookReasoner();
            case MODEL -> ChatCompletionsReasoner.throughControlPlane(controlPlane, configuration.reasoner().model());
        };
    }
}

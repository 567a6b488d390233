package dev.steward.application.agent;

import dev.steward.application.agent.message.AgentConfiguration;
import dev.steward.application.agentloop.RunbookReasoner;
import dev.steward.application.port.agent.ControlPlane;
import dev.steward.application.port.reasoning.Reasoner;

/**
 * How an agent gets its reasoner for the configuration it runs: the runbook reasoner works from the workflows in the
 * configuration, entirely inside the agent; a model-based one sends its model calls through the control plane.
 */
@FunctionalInterface
public interface AgentReasoning {

    Reasoner reasonerFor(AgentConfiguration configuration, ControlPlane controlPlane);

    /**
     * The runbook reasoner only, on the configuration's workflows and the built-in ones. An agent configured for a
     * model it cannot run fails that work item (it is delivered again, and given up after a few tries).
     */
    static AgentReasoning runbooks() {
        return (configuration, controlPlane) -> {
            if (configuration.reasoner().kind() != AgentConfiguration.ReasonerChoice.Kind.RUNBOOK) {
                throw new IllegalStateException("this agent runs runbooks only, but its configuration asks for model "
                        + configuration.reasoner().model());
            }
            return new RunbookReasoner();
        };
    }
}

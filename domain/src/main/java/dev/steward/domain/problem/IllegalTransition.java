package dev.steward.domain.problem;

import dev.steward.domain.agent.AgentStatus;

/** A status change that the agent state machine does not allow. */
public final class IllegalTransition extends DomainException {

    private final AgentStatus from;
    private final AgentStatus to;

    public IllegalTransition(AgentStatus from, AgentStatus to) {
        super("status.illegal-transition", "an agent cannot move from " + from.label() + " to " + to.label());
        this.from = from;
        this.to = to;
    }

    public AgentStatus from() {
        return from;
    }

    public AgentStatus to() {
        return to;
    }
}

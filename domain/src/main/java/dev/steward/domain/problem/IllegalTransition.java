package dev.steward.domain.problem;

/**
 * A status change that the agent state machine does not allow. It names the states by their labels, so that the
 * problems every domain package throws depend on none of those packages.
 */
public final class IllegalTransition extends DomainException {

    private final String from;
    private final String to;

    public IllegalTransition(String from, String to) {
        super("status.illegal-transition", "an agent cannot move from " + from + " to " + to);
        this.from = from;
        this.to = to;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }
}

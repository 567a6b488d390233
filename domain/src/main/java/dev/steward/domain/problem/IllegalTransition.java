package dev.steward.domain.problem;

/**
 * A status change that a state machine (an agent's, a workflow's) does not allow. It names the states by their labels, so that the
 * problems every domain package throws depend on none of those packages.
 */
public final class IllegalTransition extends DomainException {

    private final String from;
    private final String to;

    public IllegalTransition(String from, String to) {
        this("an agent", from, to);
    }

    /** @param subject what cannot move, with its article: {@code a workflow} */
    public IllegalTransition(String subject, String from, String to) {
        super("status.illegal-transition", subject + " cannot move from " + from + " to " + to);
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

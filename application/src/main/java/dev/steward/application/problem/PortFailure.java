package dev.steward.application.problem;

/**
 * An outside system behind a port failed. Adapters translate their library's exceptions into this at their edge.
 * {@code retryable} means trying again later may succeed (engine unreachable, capacity exhausted, timeout); the
 * reconciler then moves the agent to pending rather than error.
 */
public final class PortFailure extends ApplicationException {

    private final String port;
    private final boolean retryable;

    public PortFailure(String port, boolean retryable, String message, Throwable cause) {
        super(message, cause);
        this.port = port;
        this.retryable = retryable;
    }

    public static PortFailure retryable(String port, String message, Throwable cause) {
        return new PortFailure(port, true, message, cause);
    }

    public static PortFailure permanent(String port, String message, Throwable cause) {
        return new PortFailure(port, false, message, cause);
    }

    public String port() {
        return port;
    }

    public boolean retryable() {
        return retryable;
    }
}

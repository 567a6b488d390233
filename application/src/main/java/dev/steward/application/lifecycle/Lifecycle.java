package dev.steward.application.lifecycle;

/**
 * Something of a running control plane that starts and stops: a background loop, the agents of this instance, the
 * web server, a client pool. Bootstrap collects every one, starts them by {@link Phase} (in declaration order) and
 * stops them in the reverse order, so nothing runs against a part that is already gone: traffic stops first, the
 * resources everything else uses stop last.
 */
public interface Lifecycle {

    /** When a part starts, relative to the others; stopping goes the other way round. */
    enum Phase {
        /** Clients of outside systems that everything else uses (closed last). */
        RESOURCES,
        /** This instance's presence among the control planes sharing the database. */
        PRESENCE,
        /** The agents this instance runs itself. */
        AGENTS,
        /** Loops working in the background (reconciler, PSA polling). */
        BACKGROUND,
        /** Serving requests (started last, so a request never finds the rest still starting). */
        TRAFFIC
    }

    Phase phase();

    void start();

    /** Stops and waits (briefly) for work in progress; safe to call when not started. */
    void stop();
}

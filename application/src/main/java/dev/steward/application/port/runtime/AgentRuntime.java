package dev.steward.application.port.runtime;

import dev.steward.application.problem.PortFailure;
import dev.steward.application.stability.Stable;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.diagnostics.Diagnostics;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where agents run: virtual threads in-process, containers on a Docker engine, Swarm services. Every method is
 * idempotent by client id, so the reconciler can repeat any step after a crash. ({@code AgentRuntimeContract}
 * checks these rules.)
 */
@Stable
public interface AgentRuntime {

    /**
     * Makes sure the client's agent exists and runs {@code spec.configVersion()}: creates it when absent, hands it the
     * new configuration when it runs an older one, does nothing when it already matches. Calling it twice never
     * gives two agents.
     *
     * @return what the runtime observes right after the call
     * @throws PortFailure retryable when the runtime is unreachable or out of capacity, permanent otherwise
     */
    ObservedAgent ensure(AgentSpec spec);

    /**
     * Every agent this runtime holds for this Steward installation (dead ones included, not hidden), in one call.
     * A running agent is {@code READY} once it runs (no health check to pass first: the reconciler judges it alive by
     * its check-ins), with {@link ObservedAgent#runningSince} when the runtime can tell.
     * Agents of another installation sharing the engine are not listed: whatever is listed without a live client
     * is removed as an orphan.
     */
    List<ObservedAgent> observe();

    /** Stops and removes the client's agent; succeeds when there is none. */
    void destroy(ClientId client);

    /**
     * Health, the last {@code tailLines} log lines (since {@code since} if given) and resource usage. An absent agent
     * is reported as such, not as an error.
     */
    Diagnostics diagnose(ClientId client, int tailLines, Optional<Instant> since);
}

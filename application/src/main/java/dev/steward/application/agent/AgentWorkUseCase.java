package dev.steward.application.agent;

import dev.steward.application.agent.message.Assignment;
import dev.steward.application.agent.message.SessionOutcome;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Capability: an agent takes its client's work, one item at a time and in order, keeps it while it works, and
 * completes it. Delivery is at least once: an item whose lease runs out (the agent died, its container was removed,
 * the control plane restarted) is delivered again, so every effect of a session is made idempotent by step.
 */
public interface AgentWorkUseCase {

    /** The longest a take waits for work (a long poll). */
    Duration MAX_WAIT = Duration.ofSeconds(25);

    /**
     * The next work item of the agent's client, leased to the agent instance {@code instance}; waits up to
     * {@code wait} (at most {@link #MAX_WAIT}) for one to arrive. Work waits while the client is not active.
     * Empty when nothing arrived in time.
     */
    Optional<Assignment> take(AgentIdentity agent, UUID instance, Duration wait);

    /** Keeps the lease. @return false when the lease was lost (the item went to another instance or was finished) */
    boolean renew(AgentIdentity agent, UUID work, UUID lease);

    /**
     * Finishes the item and records where its session stands.
     *
     * @return false when the lease was lost (nothing changes)
     */
    boolean complete(AgentIdentity agent, UUID work, UUID lease, SessionOutcome outcome);
}

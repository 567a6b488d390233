package dev.steward.application.port.agent;

import dev.steward.application.agent.message.AgentConfiguration;
import dev.steward.application.agent.message.Assignment;
import dev.steward.application.agent.message.PostedNote;
import dev.steward.application.agent.message.SessionOutcome;
import dev.steward.application.agent.message.TicketPost;
import dev.steward.application.agent.message.ToolAnswer;
import dev.steward.application.agent.message.ToolRequest;
import dev.steward.application.stability.Stable;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The control plane as an agent sees it: the agent API, over HTTP with the agent's token inside a container, or the
 * same use cases called directly by an in-process agent. Every effect of the agent's work goes through it; the agent
 * holds no PSA, tool or model credential.
 *
 * <p>Failures are {@link dev.steward.application.problem.PortFailure}s: retryable when the control plane cannot be
 * reached or fails, permanent when it refuses (a revoked token, a malformed call, a spent model budget).
 */
@Stable
public interface ControlPlane {

    /** The {@code port} of every {@link dev.steward.application.problem.PortFailure} a control plane raises. */
    String PORT = "control-plane";

    /** The {@code port} of the failure that means the agent's token was refused: the agent must stop. */
    String REFUSED = "control-plane.refused";

    AgentConfiguration configuration();

    /**
     * Reports the agent alive and running {@code configVersion}.
     *
     * @return the configuration version the control plane holds for this agent now, when it says so (a control plane
     *         older than the agent answers without it; the agent then fetches its configuration at every heartbeat)
     */
    OptionalLong checkIn(long configVersion);

    /** The next work item for this agent instance, waiting up to {@code wait} (a long poll). */
    Optional<Assignment> take(UUID instance, Duration wait);

    /**
     * A heartbeat and a long poll for work as one call: checks in with {@code configVersion} as {@link #checkIn}
     * does, then waits up to {@code wait} for a work item as {@link #take} does. An idle agent makes this one call
     * per heartbeat; over HTTP that is one request where it used to be three (configuration, check-in, take).
     */
    default Heartbeat checkInAndTake(UUID instance, Duration wait, long configVersion) {
        OptionalLong latest = checkIn(configVersion);
        return new Heartbeat(latest, take(instance, wait));
    }

    /**
     * What {@link #checkInAndTake} answers: the configuration version the control plane holds now (when it says so)
     * and the work item, if one came in time.
     */
    record Heartbeat(OptionalLong latestVersion, Optional<Assignment> work) {
        public Heartbeat {
            Objects.requireNonNull(latestVersion, "latestVersion");
            Objects.requireNonNull(work, "work");
        }
    }

    /** @return false when the lease was lost */
    boolean renew(Assignment work);

    /** @return false when the lease was lost */
    boolean complete(Assignment work, SessionOutcome outcome);

    ToolAnswer callTool(UUID session, ToolRequest request);

    PostedNote post(UUID session, TicketPost post);

    /** A chat-completions request through the control plane's model route; the model's answer. */
    String model(UUID session, String request);
}

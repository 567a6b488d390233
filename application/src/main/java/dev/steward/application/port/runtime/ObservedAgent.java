package dev.steward.application.port.runtime;

import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.MspId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a runtime reports about one agent it holds. {@code configVersion} is the configuration the runtime gave the
 * agent (for a container, its {@code steward.config-version} label); that the agent runs it is the agent's own
 * acknowledgement ({@link AgentCheckIns}), which the reconciler waits for. {@code restarts} counts restarts the
 * runtime did on its own; {@code lastRestart} is the latest of them, when the runtime can tell (the reconciler records
 * it in the client's history). {@code staleImage}: the agent runs another image than the runtime now starts agents
 * from (the operator changed {@code STEWARD_AGENT_IMAGE}); the reconciler rolls the new one out one agent at a time.
 */
public record ObservedAgent(ClientId client, MspId msp, long configVersion, State state, int restarts, String detail,
                            Optional<Restart> lastRestart, boolean staleImage) {

    public enum State {
        /** Created, not yet running its configuration. */
        STARTING,
        /** Running and serving the configuration {@code configVersion}. */
        READY,
        /** Running but failing its health check (or missing heartbeats). */
        UNHEALTHY,
        /** Not running any more. */
        EXITED
    }

    /** The runtime replaced a dead agent on its own at {@code at}; {@code cause} says why, e.g. {@code exit 137}. */
    public record Restart(Instant at, String cause) {
        public Restart {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(cause, "cause");
        }
    }

    public ObservedAgent {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(msp, "msp");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastRestart, "lastRestart");
        detail = detail == null ? "" : detail;
    }

    /** An agent of a runtime that cannot tell when it restarted or which image it runs. */
    public ObservedAgent(ClientId client, MspId msp, long configVersion, State state, int restarts, String detail) {
        this(client, msp, configVersion, state, restarts, detail, Optional.empty(), false);
    }

    public boolean runs(long version) {
        return state == State.READY && configVersion == version;
    }
}

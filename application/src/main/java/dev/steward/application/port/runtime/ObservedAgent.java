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
 * {@code runningSince}: when this agent (this container, this task) started running, when the runtime can tell; the
 * reconciler, which judges an agent alive by its check-ins ({@code AgentLiveness}), counts no silence from before it
 * (a Swarm task may spend minutes pulling its image before it runs).
 */
public record ObservedAgent(ClientId client, MspId msp, long configVersion, State state, int restarts, String detail,
                            Optional<Restart> lastRestart, boolean staleImage, Optional<Instant> runningSince) {

    public enum State {
        /** Created, not yet running its configuration. */
        STARTING,
        /** Running and serving the configuration {@code configVersion}. */
        READY,
        /**
         * Running but not alive: frozen (a paused container), failing a health check the operator turned on, or (as
         * the reconciler judges from its check-ins) silent for longer than the limit.
         */
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
        Objects.requireNonNull(runningSince, "runningSince");
        detail = detail == null ? "" : detail;
    }

    /** An agent of a runtime that cannot tell when it started running. */
    public ObservedAgent(ClientId client, MspId msp, long configVersion, State state, int restarts, String detail,
                         Optional<Restart> lastRestart, boolean staleImage) {
        this(client, msp, configVersion, state, restarts, detail, lastRestart, staleImage, Optional.empty());
    }

    /** An agent of a runtime that cannot tell when it started or restarted or which image it runs. */
    public ObservedAgent(ClientId client, MspId msp, long configVersion, State state, int restarts, String detail) {
        this(client, msp, configVersion, state, restarts, detail, Optional.empty(), false);
    }

    /** The same agent judged not alive by the reconciler, {@code why} added to what the runtime said about it. */
    public ObservedAgent unhealthy(String why) {
        return new ObservedAgent(client, msp, configVersion, State.UNHEALTHY, restarts,
                detail.isEmpty() ? why : detail + ", " + why, lastRestart, staleImage, runningSince);
    }

    public boolean runs(long version) {
        return state == State.READY && configVersion == version;
    }
}

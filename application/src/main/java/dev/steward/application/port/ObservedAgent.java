package dev.steward.application.port;

import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.MspId;
import java.util.Objects;

/**
 * What a runtime reports about one agent it holds. {@code configVersion} is the configuration the runtime gave the
 * agent (for a container, its {@code steward.config-version} label); that the agent runs it is the agent's own
 * acknowledgement ({@link AgentCheckIns}), which the reconciler waits for. {@code restarts} counts restarts the
 * runtime did on its own.
 */
public record ObservedAgent(ClientId client, MspId msp, long configVersion, State state, int restarts, String detail) {

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

    public ObservedAgent {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(msp, "msp");
        Objects.requireNonNull(state, "state");
        detail = detail == null ? "" : detail;
    }

    public boolean runs(long version) {
        return state == State.READY && configVersion == version;
    }
}

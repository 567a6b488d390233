package dev.steward.application.inprocess;

import dev.steward.application.agent.AgentReasoning;
import dev.steward.application.port.runtime.AgentRuntime;
import dev.steward.application.port.runtime.AgentRuntimeContract;
import dev.steward.application.testkit.IdleControlPlane;
import dev.steward.domain.client.ClientId;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;

class InProcessAgentRuntimeTest extends AgentRuntimeContract {

    private final InProcessAgentRuntime runtime = new InProcessAgentRuntime(Clock.systemUTC(),
            IdleControlPlane.connector(), AgentReasoning.runbooks());
    private final InProcessAgentRuntime other = new InProcessAgentRuntime(Clock.systemUTC(),
            IdleControlPlane.connector(), AgentReasoning.runbooks());

    @Override
    protected AgentRuntime runtime() {
        return runtime;
    }

    /** Another control plane's in-process agents live in another runtime (another process). */
    @Override
    protected AgentRuntime anotherInstallation() {
        return other;
    }

    @Override
    protected void killOutsideSteward(ClientId client) {
        runtime.crash(client, 137);
    }

    @AfterEach
    void stopAllAgents() {
        runtime.close();
        other.close();
    }
}

package dev.steward.application.port;

import dev.steward.application.agent.AgentConfiguration;

/**
 * The control plane as an agent sees it (the agent side of {@code AgentGatewayUseCase}): used by the {@code agent}
 * command inside a container, over HTTP with the agent's token.
 */
public interface ControlPlane {

    /** @throws dev.steward.application.problem.PortFailure retryable when unreachable, permanent when refused */
    AgentConfiguration configuration();

    /** Reports the agent alive and running {@code configVersion}. */
    void checkIn(long configVersion);
}

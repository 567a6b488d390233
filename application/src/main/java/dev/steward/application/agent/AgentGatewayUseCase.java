package dev.steward.application.agent;

import java.util.Optional;

/**
 * Capability: what a running agent asks of the control plane. An agent authenticates with its per-agent token,
 * pulls its configuration, and checks in with the configuration version it runs — that check-in is both its
 * heartbeat and its acknowledgement, which moves deploy status from deploying to idle.
 */
public interface AgentGatewayUseCase {

    /** The agent holding {@code token}; empty for an unknown, replaced or revoked token, or a destroyed client. */
    Optional<AgentIdentity> authenticate(String token);

    /** @throws dev.steward.application.problem.NotFound if the client is gone */
    AgentConfiguration configuration(AgentIdentity agent);

    /**
     * Records that the agent is alive and runs {@code runningConfigVersion}.
     *
     * @throws dev.steward.application.problem.InvalidCommand if the version is not one the control plane issued
     */
    void checkIn(AgentIdentity agent, long runningConfigVersion);
}

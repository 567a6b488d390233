package dev.steward.application.agent;

import dev.steward.application.agent.message.AgentConfiguration;
import dev.steward.domain.diagnostics.Diagnostics.ResourceUsage;
import java.util.Optional;

/**
 * Capability: what a running agent asks of the control plane. An agent authenticates with its per-agent token,
 * pulls its configuration, and checks in with the configuration version it runs — that check-in is both its
 * heartbeat and its acknowledgement, which moves deploy status from deploying to idle.
 */
public interface AgentGatewayUseCase {

    /**
     * An agent's first contact: its one-time bootstrap token traded for its session token (see
     * {@code AgentCredentials}); empty when the bootstrap token is unknown, spent, replaced or revoked.
     */
    Optional<String> startSession(String bootstrapToken);

    /** The agent holding {@code token}; empty for an unknown, replaced or revoked token, or a destroyed client. */
    Optional<AgentIdentity> authenticate(String token);

    /**
     * What the agent runs with. Read again for every work item, so runbooks written meanwhile apply to the next
     * request without a new configuration version.
     *
     * @throws dev.steward.application.problem.NotFound if the client is gone
     */
    AgentConfiguration configuration(AgentIdentity agent);

    /**
     * Records that the agent is alive and runs {@code runningConfigVersion}.
     *
     * @return the configuration version the control plane holds for the agent now (see the method below)
     * @throws dev.steward.application.problem.InvalidCommand if the version is not one the control plane issued
     */
    default long checkIn(AgentIdentity agent, long runningConfigVersion) {
        return checkIn(agent, runningConfigVersion, Optional.empty());
    }

    /**
     * Records that the agent is alive and runs {@code runningConfigVersion}, with the resources it measured itself
     * using (Diagnostics shows them, wherever the agent runs).
     *
     * @return the configuration version the control plane holds for the agent now. The agent fetches its
     *         configuration only when this is not the version it runs, so an idle agent's heartbeat is one call.
     * @throws dev.steward.application.problem.InvalidCommand if the version is not one the control plane issued, or
     *                                                        a usage figure is negative (naming {@code usage.<figure>})
     */
    long checkIn(AgentIdentity agent, long runningConfigVersion, Optional<ResourceUsage> usage);
}

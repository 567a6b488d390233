package dev.steward.application.mode;

import dev.steward.application.client.ClientDetails;

/** Capability: change how far one client's agent may act. Takes effect on the agent's next request. */
public interface ChangeOperatingModeUseCase {

    /**
     * Stores the mode and, if it changed, pushes the new configuration to the agent (deploy status deploying).
     *
     * @throws dev.steward.application.problem.InvalidCommand for an unknown mode
     * @throws dev.steward.application.problem.Conflict if {@code expectedVersion} is stale
     */
    ClientDetails change(ChangeOperatingModeCommand command);
}

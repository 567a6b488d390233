package dev.steward.application.mode;

import dev.steward.domain.msp.Msp;

/** Capability: change the MSP's default mode, which every client in mode inherit follows. */
public interface ChangeDefaultModeUseCase {

    /**
     * Stores the default and pushes the new configuration to every live client that inherits it.
     *
     * @throws dev.steward.application.problem.InvalidCommand for {@code inherit} or an unknown mode
     */
    Msp change(ChangeDefaultModeCommand command);
}

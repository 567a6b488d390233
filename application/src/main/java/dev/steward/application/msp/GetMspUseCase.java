package dev.steward.application.msp;

import dev.steward.domain.msp.Msp;
import dev.steward.domain.msp.MspId;

/** Capability: read an MSP's settings (default mode, MSP prompt). */
public interface GetMspUseCase {

    /** @throws dev.steward.application.problem.NotFound if there is no such MSP */
    Msp get(MspId msp);
}

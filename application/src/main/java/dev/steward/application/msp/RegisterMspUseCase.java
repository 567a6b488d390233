package dev.steward.application.msp;

import dev.steward.domain.msp.Msp;

/** Capability: create a tenant; it starts with default mode plan and an empty MSP prompt. */
public interface RegisterMspUseCase {

    Msp register(RegisterMspCommand command);
}

package dev.steward.application.client;

import dev.steward.domain.msp.MspId;

/** Capability: read one client of an MSP. */
public interface GetClientUseCase {

    /** @throws dev.steward.application.problem.NotFound if the MSP has no client with that slug */
    ClientDetails get(MspId msp, String slug);
}

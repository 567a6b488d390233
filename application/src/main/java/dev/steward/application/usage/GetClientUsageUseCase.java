package dev.steward.application.usage;

import dev.steward.domain.msp.MspId;

/** Capability: a client's waiting requests and this month's model usage, for its Overview. */
public interface GetClientUsageUseCase {

    /** @throws dev.steward.application.problem.NotFound if the MSP has no such client */
    ClientUsage usage(MspId msp, String slug);
}

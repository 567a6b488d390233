package dev.steward.application.client;

import dev.steward.domain.msp.MspId;

/** Capability: a technician's manual "retry" of an agent in error. */
public interface RetryProvisioningUseCase {

    /**
     * Moves an agent in error (or pending) back to provisioning now, without waiting for the back-off.
     *
     * @throws dev.steward.domain.problem.IllegalTransition if the agent is not in error or pending
     */
    ClientDetails retry(MspId msp, String slug);
}

package dev.steward.application.runbook;

import dev.steward.domain.msp.MspId;

/** Capability: delete a runbook; a built-in one it replaced applies again. */
public interface DeleteRunbookUseCase {

    /** @throws dev.steward.application.problem.NotFound if the MSP has no such runbook */
    void delete(MspId msp, String id);
}

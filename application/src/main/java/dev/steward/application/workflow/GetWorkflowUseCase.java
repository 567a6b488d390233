package dev.steward.application.workflow;

import dev.steward.domain.msp.MspId;

/** Capability: one workflow with every version's author and time. */
public interface GetWorkflowUseCase {

    /** @throws dev.steward.application.problem.NotFound if the MSP has no such workflow */
    WorkflowDetails get(MspId msp, String id);
}

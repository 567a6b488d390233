package dev.steward.application.approval;

import dev.steward.domain.approval.ApprovalRequest;
import dev.steward.domain.msp.MspId;
import java.util.List;

/** Capability: the approved calls whose values (a temporary password …) wait for this technician to see them once. */
public interface ListWaitingValuesUseCase {

    List<ApprovalRequest> waitingFor(MspId msp, String technician);
}

package dev.steward.application.approval;

import dev.steward.domain.msp.MspId;
import java.util.List;
import java.util.Optional;

/** Capability: the approval requests waiting for a technician, MSP-wide or one client's, oldest first. */
public interface ListApprovalsUseCase {

    /** @throws dev.steward.application.problem.NotFound if {@code client} names no client of the MSP */
    List<ApprovalDetails> pending(MspId msp, Optional<String> client);
}

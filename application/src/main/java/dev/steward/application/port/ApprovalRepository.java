package dev.steward.application.port;

import dev.steward.domain.approval.ApprovalRequest;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.MspId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores approval requests and their decisions. A decision is saved only over a pending request: two technicians
 * deciding at once end with exactly one decision ({@code ApprovalRepositoryContract}).
 */
public interface ApprovalRepository {

    void add(ApprovalRequest request);

    /** Only if it belongs to {@code msp}. */
    Optional<ApprovalRequest> find(MspId msp, UUID id);

    /** Pending requests of the MSP (one client's when given), oldest first. */
    List<ApprovalRequest> pending(MspId msp, Optional<ClientId> client);

    /**
     * Stores the decision of a request that is still pending.
     *
     * @throws dev.steward.application.problem.Conflict ({@code approval.already-decided}) if it was decided meanwhile
     */
    ApprovalRequest decide(ApprovalRequest decided);
}

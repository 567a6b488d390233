package dev.steward.application.port.agent;

import dev.steward.application.stability.Stable;
import dev.steward.domain.approval.ApprovalRequest;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.MspId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores approval requests and their decisions. A decision is saved only over a pending request: two technicians
 * deciding at once end with exactly one decision ({@code ApprovalRepositoryContract}). A request keeps the paused
 * call's original arguments beside its redacted ones, sealed at rest the way integration secrets are: only
 * {@link #arguments} returns them, for running exactly the call that was approved.
 */
@Stable
public interface ApprovalRepository {

    /** Stores a new pending request and the original arguments of its call. */
    void add(ApprovalRequest request, Map<String, String> arguments);

    /** The original arguments of the MSP's request {@code id}, exactly as given to {@link #add}. */
    Optional<Map<String, String>> arguments(MspId msp, UUID id);

    /** Only if it belongs to {@code msp}. */
    Optional<ApprovalRequest> find(MspId msp, UUID id);

    /** Pending requests of the MSP (one client's when given), oldest first. */
    List<ApprovalRequest> pending(MspId msp, Optional<ClientId> client);

    /** Every request of one session of the MSP, oldest first, decided or not. */
    List<ApprovalRequest> ofSession(MspId msp, UUID session);

    /** Pending requests of every MSP requested at or before {@code cutoff}, oldest first, at most {@code limit}. */
    List<ApprovalRequest> pendingRequestedBefore(Instant cutoff, int limit);

    /**
     * Stores the decision (or expiry) of a request that is still pending.
     *
     * @throws dev.steward.application.problem.Conflict ({@code approval.already-decided}) if it was decided meanwhile
     */
    ApprovalRequest decide(ApprovalRequest decided);
}

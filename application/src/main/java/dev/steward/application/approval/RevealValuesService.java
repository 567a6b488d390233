package dev.steward.application.approval;

import dev.steward.application.agentloop.RevealedValues;
import dev.steward.application.port.agent.ApprovalRepository;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.approval.ApprovalRequest;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.ApprovalNotAllowed;
import jakarta.inject.Inject;
import java.util.UUID;

public final class RevealValuesService implements RevealValuesUseCase {

    private final RevealedValues values;
    private final ApprovalRepository approvals;

    @Inject
    public RevealValuesService(RevealedValues values, ApprovalRepository approvals) {
        this.values = values;
        this.approvals = approvals;
    }

    @Override
    public Revealed reveal(MspId msp, String approval, String caller) {
        UUID id;
        try {
            id = UUID.fromString(approval);
        } catch (IllegalArgumentException e) {
            throw new NotFound("revealed values", approval);
        }
        ApprovalRequest request = approvals.find(msp, id).orElseThrow(() -> new NotFound("revealed values", approval));
        try {
            return new Revealed(request, values.take(msp, id, caller)
                    .orElseThrow(() -> new NotFound("revealed values", approval)));
        } catch (RevealedValues.NotTheApprover e) {
            throw new ApprovalNotAllowed("role", e.getMessage());
        }
    }
}

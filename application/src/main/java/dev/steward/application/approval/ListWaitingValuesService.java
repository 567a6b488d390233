package dev.steward.application.approval;

import dev.steward.application.agentloop.RevealedValues;
import dev.steward.application.port.agent.ApprovalRepository;
import dev.steward.domain.approval.ApprovalRequest;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

public final class ListWaitingValuesService implements ListWaitingValuesUseCase {

    private final RevealedValues values;
    private final ApprovalRepository approvals;

    @Inject
    public ListWaitingValuesService(RevealedValues values, ApprovalRepository approvals) {
        this.values = values;
        this.approvals = approvals;
    }

    @Override
    public List<ApprovalRequest> waitingFor(MspId msp, String technician) {
        return values.approvalsWaitingFor(msp, technician).stream()
                .map(id -> approvals.find(msp, id)).flatMap(Optional::stream)
                .sorted(Comparator.comparing(ApprovalRequest::requestedAt)).toList();
    }
}

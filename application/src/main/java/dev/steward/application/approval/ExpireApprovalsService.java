package dev.steward.application.approval;

import dev.steward.application.agent.WorkArrivals;
import dev.steward.application.port.activity.ActivityLog;
import dev.steward.application.port.agent.ApprovalRepository;
import dev.steward.application.port.agent.WorkQueue;
import dev.steward.application.port.store.IdGenerator;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.problem.Conflict;
import dev.steward.domain.approval.ApprovalRequest;
import dev.steward.domain.work.WorkItem;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

public final class ExpireApprovalsService implements ExpireApprovalsUseCase {

    private static final int BATCH = 100;

    private final ApprovalRepository approvals;
    private final ActivityLog activity;
    private final WorkQueue queue;
    private final WorkArrivals arrivals;
    private final UnitOfWork unitOfWork;
    private final IdGenerator ids;
    private final Clock clock;
    private final ApprovalTimeout timeout;

    @Inject
    public ExpireApprovalsService(ApprovalRepository approvals, ActivityLog activity, WorkQueue queue,
                                  WorkArrivals arrivals, UnitOfWork unitOfWork, IdGenerator ids, Clock clock,
                                  ApprovalTimeout timeout) {
        this.approvals = approvals;
        this.activity = activity;
        this.queue = queue;
        this.arrivals = arrivals;
        this.unitOfWork = unitOfWork;
        this.ids = ids;
        this.clock = clock;
        this.timeout = timeout;
    }

    @Override
    public int expireDue() {
        int expired = 0;
        while (true) {
            Instant now = clock.instant();
            List<ApprovalRequest> due = approvals.pendingRequestedBefore(now.minus(timeout.value()), BATCH);
            int before = expired;
            for (ApprovalRequest request : due) {
                expired += expire(request, now) ? 1 : 0;
            }
            if (due.size() < BATCH || expired == before) {
                return expired;
            }
        }
    }

    private boolean expire(ApprovalRequest request, Instant now) {
        try {
            unitOfWork.run(() -> {
                ApprovalRequest stored = approvals.decide(request.expire(now, "not decided within "
                        + timeout.describe()));
                activity.append(stored.decisionEntry(ids.next()));
                queue.add(WorkItem.approvalDecided(ids.next(), stored.msp(), stored.client(), stored.session(),
                        stored.id(), now));
            });
        } catch (Conflict decidedMeanwhile) {
            return false;
        }
        arrivals.signal(request.client());
        return true;
    }
}

package dev.steward.application.approval;

import dev.steward.application.agent.WorkArrivals;
import dev.steward.application.port.activity.ActivityLog;
import dev.steward.application.port.agent.ApprovalRepository;
import dev.steward.application.port.agent.WorkQueue;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.store.IdGenerator;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.approval.ApprovalRequest;
import dev.steward.domain.client.Client;
import dev.steward.domain.work.WorkItem;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

public final class DecideApprovalService implements DecideApprovalUseCase {

    private final CommandValidator validator;
    private final ApprovalRepository approvals;
    private final ActivityLog activity;
    private final IdGenerator ids;
    private final ClientRepository clients;
    private final WorkQueue queue;
    private final WorkArrivals arrivals;
    private final Clock clock;
    private final UnitOfWork unitOfWork;

    @Inject
    public DecideApprovalService(CommandValidator validator, ApprovalRepository approvals, ActivityLog activity,
                                 IdGenerator ids, ClientRepository clients, WorkQueue queue, WorkArrivals arrivals,
                                 Clock clock, UnitOfWork unitOfWork) {
        this.validator = validator;
        this.approvals = approvals;
        this.activity = activity;
        this.ids = ids;
        this.clients = clients;
        this.queue = queue;
        this.arrivals = arrivals;
        this.clock = clock;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public ApprovalDetails decide(DecideApprovalCommand command) {
        validator.check(command).throwIfAny();
        ApprovalDetails details = unitOfWork.inTransaction(() -> {
            ApprovalRequest request = approvals.find(command.msp(), parse(command.approval()))
                    .orElseThrow(() -> new NotFound("approval", command.approval()));
            Instant now = clock.instant();
            ApprovalRequest decided = switch (command.decision()) {
                case APPROVE -> request.approve(command.decidedBy(), command.role(), command.reason(), now);
                case DENY -> request.deny(command.decidedBy(), command.role(), command.reason(), now);
            };
            ApprovalRequest stored = approvals.decide(decided);
            activity.append(stored.decisionEntry(ids.next()));
            queue.add(WorkItem.approvalDecided(ids.next(), stored.msp(), stored.client(), stored.session(),
                    stored.id(), now));
            return new ApprovalDetails(stored, clients.find(stored.client()).map(Client::slug).orElseThrow());
        });
        arrivals.signal(details.request().client());
        return details;
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound("approval", id);
        }
    }
}

package dev.steward.application.verification;

import dev.steward.application.port.activity.ActivityLog;
import dev.steward.application.port.agent.ApprovalRepository;
import dev.steward.application.port.agent.SessionRepository;
import dev.steward.application.port.store.IdGenerator;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.port.verification.IdentityVerifications;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.approval.ApprovalRequest;
import dev.steward.domain.problem.ApprovalNotAllowed;
import dev.steward.domain.session.AgentSession;
import dev.steward.domain.verification.IdentityVerification;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.UUID;

public final class ConfirmIdentityService implements ConfirmIdentityUseCase {

    private final CommandValidator validator;
    private final ApprovalRepository approvals;
    private final SessionRepository sessions;
    private final IdentityVerifications verifications;
    private final ActivityLog activity;
    private final IdGenerator ids;
    private final Clock clock;
    private final UnitOfWork unitOfWork;

    @Inject
    public ConfirmIdentityService(CommandValidator validator, ApprovalRepository approvals,
                                  SessionRepository sessions, IdentityVerifications verifications,
                                  ActivityLog activity, IdGenerator ids, Clock clock, UnitOfWork unitOfWork) {
        this.validator = validator;
        this.approvals = approvals;
        this.sessions = sessions;
        this.verifications = verifications;
        this.activity = activity;
        this.ids = ids;
        this.clock = clock;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public IdentityVerification confirm(ConfirmIdentityCommand command) {
        validator.check(command).throwIfAny();
        if (!command.role().mayDecideApprovals()) {
            throw new ApprovalNotAllowed("role", "only admins and technicians confirm a caller's identity");
        }
        return unitOfWork.inTransaction(() -> {
            ApprovalRequest approval = approvals.find(command.msp(), parse(command.approval()))
                    .orElseThrow(() -> new NotFound("approval", command.approval()));
            AgentSession session = sessions.find(approval.session())
                    .orElseThrow(() -> new NotFound("session", approval.session().toString()));
            IdentityVerification confirmed = IdentityVerification.confirmedBy(command.technician(), ids.next(),
                    approval.msp(), approval.client(), session.id(), session.requester(), clock.instant());
            verifications.record(confirmed);
            activity.append(confirmed.activityEntry(ids.next(), approval.ticket()));
            return confirmed;
        });
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound("approval", id);
        }
    }
}

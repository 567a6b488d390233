package dev.steward.application.agent;

import dev.steward.application.agent.message.ToolAnswer;
import dev.steward.application.agent.message.ToolPhase;
import dev.steward.application.agent.message.ToolRequest;
import dev.steward.application.agentloop.SessionScope;
import dev.steward.application.agentloop.ToolGateway;
import dev.steward.application.port.agent.ApprovalRepository;
import dev.steward.application.port.agent.SessionEffect;
import dev.steward.application.port.agent.SessionEffects;
import dev.steward.application.port.agent.SessionRepository;
import dev.steward.application.port.reasoning.TranscriptItem;
import dev.steward.application.port.store.IdGenerator;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.activity.RedactedArguments;
import dev.steward.domain.approval.ApprovalRequest;
import dev.steward.domain.approval.ApprovalState;
import dev.steward.domain.session.AgentSession;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Diagnosis calls go straight to the gateway (read-only by the gateway's own rule, so running one twice is harmless).
 * Execution calls happen at most once per session and step: the step is recorded before the call and its answer
 * after, so a work item delivered again gets the recorded answer; a step whose call was cut off by a crash is not run
 * again (it may have run) but answered as failed, for a technician to check. An execution call the policy holds for
 * approval raises an {@link ApprovalRequest} that keeps the call's arguments sealed; running it later takes those
 * arguments, never the agent's.
 */
public final class CallToolService implements CallToolUseCase {

    private final ToolGateway gateway;
    private final SessionRepository sessions;
    private final SessionEffects effects;
    private final ApprovalRepository approvals;
    private final UnitOfWork unitOfWork;
    private final IdGenerator ids;
    private final Clock clock;

    @Inject
    public CallToolService(ToolGateway gateway, SessionRepository sessions, SessionEffects effects,
                           ApprovalRepository approvals, UnitOfWork unitOfWork, IdGenerator ids, Clock clock) {
        this.gateway = gateway;
        this.sessions = sessions;
        this.effects = effects;
        this.approvals = approvals;
        this.unitOfWork = unitOfWork;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public ToolAnswer call(AgentIdentity agent, UUID sessionId, ToolRequest request) {
        if (request.step().isBlank() || request.step().length() > SessionEffect.MAX_STEP) {
            throw new InvalidCommand(List.of(new FieldViolation("step", "step.invalid",
                    "must be 1-" + SessionEffect.MAX_STEP + " characters")));
        }
        AgentSession session = AgentSessions.require(sessions, agent, sessionId);
        SessionScope scope = SessionScope.of(agent.msp(), session);
        if (request.approval().isPresent()) {
            return runApproved(scope, request.approval().get());
        }
        Optional<String> malformed = ToolArguments.problem(request.arguments());
        if (malformed.isPresent()) {
            return answer(gateway.refuse(scope, request.tool(), request.arguments(), malformed.get()), Optional.empty());
        }
        if (request.phase() == ToolPhase.DIAGNOSIS) {
            return answer(gateway.call(scope, ToolPhase.DIAGNOSIS, request.tool(), request.arguments()),
                    Optional.empty());
        }
        if (!session.isOpen()) {
            return answer(gateway.refuse(scope, request.tool(), request.arguments(), "the session is "
                    + session.state().name().toLowerCase() + "; nothing more runs in it"), Optional.empty());
        }
        String fingerprint = Fingerprints.call(request.tool().value(), request.arguments());
        SessionEffects.Begun begun = effects.begin(SessionEffect.begun(session.id(), agent.client(), request.step(),
                SessionEffect.Kind.TOOL_CALL, fingerprint, Optional.of(request.tool()), request.reason(),
                clock.instant()));
        if (begun instanceof SessionEffects.Begun.Existing existing) {
            return replay(scope, request, existing.effect(), fingerprint);
        }
        TranscriptItem item = gateway.call(scope, ToolPhase.EXECUTION, request.tool(), request.arguments());
        return unitOfWork.inTransaction(() -> {
            Optional<UUID> raised = item.outcome() == ActivityOutcome.AWAITING_APPROVAL
                    ? Optional.of(raiseApproval(scope, request)) : Optional.empty();
            effects.finish(begun.effect().done(item.outcome(), item.result(), Optional.empty(), raised));
            return answer(item, raised);
        });
    }

    private UUID raiseApproval(SessionScope scope, ToolRequest request) {
        String plan = effects.of(scope.session()).stream().filter(e -> e.kind() == SessionEffect.Kind.NOTE)
                .reduce((first, second) -> second).map(SessionEffect::summary).orElse(request.reason());
        ApprovalRequest approval = ApprovalRequest.raise(ids.next(), scope.msp(), scope.client(), scope.session(),
                scope.ticket(), request.tool(), RedactedArguments.of(request.arguments()), plan, clock.instant());
        approvals.add(approval, request.arguments());
        return approval.id();
    }

    private ToolAnswer replay(SessionScope scope, ToolRequest request, SessionEffect recorded, String fingerprint) {
        if (!recorded.fingerprint().equals(fingerprint)) {
            return answer(gateway.refuse(scope, request.tool(), request.arguments(), "step " + request.step()
                    + " of this session already made another call; a step runs one call once"), Optional.empty());
        }
        if (recorded.finished()) {
            return new ToolAnswer(recorded.outcome(), recorded.summary(), recorded.approval());
        }
        String interrupted = request.tool() + " was interrupted while it ran (the agent or the control plane "
                + "stopped); it may or may not have run, so it is not run again: a technician should check";
        effects.finish(recorded.done(ActivityOutcome.FAILED, interrupted, Optional.empty(), Optional.empty()));
        return new ToolAnswer(ActivityOutcome.FAILED, interrupted, Optional.empty());
    }

    /** Runs an approved call once, with the arguments kept with its approval. */
    private ToolAnswer runApproved(SessionScope scope, UUID approvalId) {
        Optional<ApprovalRequest> found = approvals.find(scope.msp(), approvalId)
                .filter(a -> a.session().equals(scope.session()));
        if (found.isEmpty()) {
            throw new InvalidCommand(List.of(new FieldViolation("approval", "approval.unknown",
                    "is not an approval request of this session")));
        }
        ApprovalRequest approval = found.get();
        if (!(approval.state() instanceof ApprovalState.Approved)) {
            return answer(gateway.refuse(scope, approval.tool(), approval.arguments().values(), approval.tool()
                    + " was not approved (" + stateOf(approval) + "); it does not run"), Optional.empty());
        }
        String reason = effects.of(scope.session()).stream().filter(e -> e.approval().filter(approvalId::equals)
                .isPresent()).map(SessionEffect::reason).findFirst().orElse("");
        SessionEffects.Begun begun = effects.begin(SessionEffect.begun(scope.session(), scope.client(),
                PlanResults.approvedRunStep(approvalId), SessionEffect.Kind.TOOL_CALL, "approval:" + approvalId,
                Optional.of(approval.tool()), reason, clock.instant()));
        if (begun instanceof SessionEffects.Begun.Existing existing) {
            SessionEffect recorded = existing.effect();
            if (recorded.finished()) {
                return new ToolAnswer(recorded.outcome(), recorded.summary(), Optional.of(approvalId));
            }
            String interrupted = approval.tool() + " was interrupted while it ran; it may or may not have run, so it"
                    + " is not run again: a technician should check";
            effects.finish(recorded.done(ActivityOutcome.FAILED, interrupted, Optional.empty(), Optional.of(approvalId)));
            return new ToolAnswer(ActivityOutcome.FAILED, interrupted, Optional.of(approvalId));
        }
        TranscriptItem item = gateway.runApproved(scope, approval,
                approvals.arguments(scope.msp(), approvalId).orElseThrow());
        effects.finish(begun.effect().done(item.outcome(), item.result(), Optional.empty(), Optional.of(approvalId)));
        return answer(item, Optional.of(approvalId));
    }

    private static String stateOf(ApprovalRequest approval) {
        return switch (approval.state()) {
            case ApprovalState.Pending p -> "it is still pending";
            case ApprovalState.Approved a -> "approved";
            case ApprovalState.Denied d -> "denied by " + d.by();
            case ApprovalState.Expired e -> "expired";
        };
    }

    private static ToolAnswer answer(TranscriptItem item, Optional<UUID> approval) {
        return new ToolAnswer(item.outcome(), item.result(), approval);
    }
}

package dev.steward.adapter.web.dashboard;

import dev.steward.adapter.web.api.ApprovalJson;
import dev.steward.adapter.web.dashboard.ApprovalPages.Refusal;
import dev.steward.adapter.web.http.CallerResolver;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.adapter.web.problem.Problem;
import dev.steward.adapter.web.problem.ProblemMapper;
import dev.steward.adapter.web.problem.RequestProblem;
import dev.steward.application.approval.DecideApprovalCommand;
import dev.steward.application.approval.DecideApprovalCommand.Decision;
import dev.steward.application.approval.DecideApprovalUseCase;
import dev.steward.application.approval.ListApprovalsUseCase;
import dev.steward.application.approval.ListWaitingValuesUseCase;
import dev.steward.application.approval.RevealValuesUseCase;
import dev.steward.application.verification.ConfirmIdentityCommand;
import dev.steward.application.verification.ConfirmIdentityUseCase;
import dev.steward.application.verification.GetIdentityStatusUseCase;
import dev.steward.application.problem.ApplicationException;
import dev.steward.application.signin.Caller;
import dev.steward.domain.problem.DomainException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Dashboard: the Approvals view ({@code /approvals?client=}) and approve/deny, decided as the signed-in user; for a
 * sensitive call, the requester's identity (confirmed here by a technician who verified the caller), and the values
 * approved calls produced for the signed-in technician, shown once.
 */
public final class ApprovalPageRoutes implements RouteGroup {

    private final CallerResolver caller;
    private final ProblemMapper problems;
    private final ListApprovalsUseCase list;
    private final DecideApprovalUseCase decide;
    private final GetIdentityStatusUseCase identity;
    private final ConfirmIdentityUseCase confirm;
    private final ListWaitingValuesUseCase waiting;
    private final RevealValuesUseCase reveal;

    @Inject
    public ApprovalPageRoutes(CallerResolver caller, ProblemMapper problems, ListApprovalsUseCase list,
                              DecideApprovalUseCase decide, GetIdentityStatusUseCase identity,
                              ConfirmIdentityUseCase confirm, ListWaitingValuesUseCase waiting,
                              RevealValuesUseCase reveal) {
        this.caller = caller;
        this.problems = problems;
        this.list = list;
        this.decide = decide;
        this.identity = identity;
        this.confirm = confirm;
        this.waiting = waiting;
        this.reveal = reveal;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/approvals", ctx -> render(ctx, 200, Refusal.NONE));
        config.routes.post("/approvals/{id}/decide", this::decide);
        config.routes.post("/approvals/{id}/identity", this::confirmIdentity);
        config.routes.post("/approvals/{id}/reveal", this::reveal);
    }

    private void confirmIdentity(Context ctx) {
        Caller who = caller.callerOf(ctx);
        try {
            confirm.confirm(new ConfirmIdentityCommand(who.msp(), ctx.pathParam("id"), who.actor(), who.role()));
            Forms.seeOther(ctx, "/approvals");
        } catch (DomainException | ApplicationException e) {
            Problem problem = Forms.refusal(problems, ctx, e);
            render(ctx, problem.status(), new Refusal(ctx.pathParam("id"), FormErrors.from(problem)));
        }
    }

    /** The values, once; the page is never cached. */
    private void reveal(Context ctx) {
        Caller who = caller.callerOf(ctx);
        try {
            RevealValuesUseCase.Revealed shown = reveal.reveal(who.msp(), ctx.pathParam("id"), who.actor());
            Layout.write(ctx, 200, IdentityPages.revealed(shown.approval(), shown.values()));
        } catch (DomainException | ApplicationException e) {
            Problem problem = Forms.refusal(problems, ctx, e);
            render(ctx, problem.status(), new Refusal(ctx.pathParam("id"), FormErrors.from(problem)));
        }
    }

    private void decide(Context ctx) {
        Caller who = caller.callerOf(ctx);
        try {
            Decision decision = switch (Forms.orEmpty(ctx.formParam("decision"))) {
                case "approve" -> Decision.APPROVE;
                case "deny" -> Decision.DENY;
                default -> throw RequestProblem.invalidField("decision", "decision.unknown",
                        "must be approve or deny");
            };
            String reason = Forms.orEmpty(ctx.formParam("reason")).strip();
            decide.decide(new DecideApprovalCommand(who.msp(), ctx.pathParam("id"), decision, who.actor(),
                    who.role(), reason.isEmpty() ? null : reason));
            Forms.seeOther(ctx, "/approvals");
        } catch (DomainException | ApplicationException | RequestProblem e) {
            Problem problem = Forms.refusal(problems, ctx, e);
            render(ctx, problem.status(), new Refusal(ctx.pathParam("id"), FormErrors.from(problem)));
        }
    }

    private void render(Context ctx, int status, Refusal refusal) {
        Optional<String> client = Optional.ofNullable(ctx.queryParam("client")).filter(c -> !c.isEmpty());
        Caller who = caller.callerOf(ctx);
        Layout.write(ctx, status, ApprovalPages.pending(list.pending(who.msp(), client).stream()
                .map(ApprovalJson::from).toList(), client, refusal,
                a -> IdentityPages.onApproval(a.id(), identity.status(who.msp(), a.id())),
                IdentityPages.waiting(waiting.waitingFor(who.msp(), who.actor()))));
    }
}

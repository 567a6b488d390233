package dev.steward.adapter.web.api;

import dev.steward.adapter.web.http.CallerResolver;
import dev.steward.adapter.web.http.JsonBodies;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.application.approval.DecideApprovalCommand;
import dev.steward.application.approval.DecideApprovalCommand.Decision;
import dev.steward.application.approval.DecideApprovalUseCase;
import dev.steward.application.approval.ListApprovalsUseCase;
import dev.steward.application.signin.Caller;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Approval requests waiting for a technician ({@code GET /api/v1/approvals?client=}) and their decision
 * ({@code POST /api/v1/approvals/{id}/approve|deny}, optional body {@code {"reason": …}}). Who decided is the caller
 * ({@link CallerResolver#callerOf}: the signed-in user, or the API token), never something the body says.
 */
public final class ApprovalRoutes implements RouteGroup {

    private final CallerResolver caller;
    private final JsonBodies bodies;
    private final ListApprovalsUseCase list;
    private final DecideApprovalUseCase decide;

    @Inject
    public ApprovalRoutes(CallerResolver caller, JsonBodies bodies, ListApprovalsUseCase list,
                          DecideApprovalUseCase decide) {
        this.caller = caller;
        this.bodies = bodies;
        this.list = list;
        this.decide = decide;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/api/v1/approvals", this::list);
        config.routes.post("/api/v1/approvals/{id}/approve", ctx -> decide(ctx, Decision.APPROVE));
        config.routes.post("/api/v1/approvals/{id}/deny", ctx -> decide(ctx, Decision.DENY));
    }

    private void list(Context ctx) {
        Optional<String> client = Optional.ofNullable(ctx.queryParam("client")).filter(c -> !c.isEmpty());
        ctx.json(ApprovalListJson.from(list.pending(caller.mspOf(ctx), client)));
    }

    private void decide(Context ctx, Decision decision) {
        Caller who = caller.callerOf(ctx);
        String reason = ctx.bodyAsBytes().length == 0 ? null : bodies.read(ctx, DecisionJson.class).reason();
        ctx.json(ApprovalJson.from(decide.decide(new DecideApprovalCommand(who.msp(), ctx.pathParam("id"),
                decision, who.actor(), who.role(), reason))));
    }
}

package dev.steward.adapter.web.api;

import dev.steward.adapter.web.http.CallerResolver;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.application.approval.RevealValuesUseCase;
import dev.steward.application.signin.Caller;
import dev.steward.application.verification.ConfirmIdentityCommand;
import dev.steward.application.verification.ConfirmIdentityUseCase;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;

/**
 * What sensitive actions need from a technician, on an approval request: confirming they verified the caller of its
 * session ({@code POST /api/v1/approvals/{id}/identity}, no body), after which the session's sensitive actions may
 * run; and, once the approved call ran, seeing the values it produced for them exactly once
 * ({@code POST /api/v1/approvals/{id}/revealed-values}, never cached). Who acts is the caller, never something the
 * request says.
 */
public final class IdentityRoutes implements RouteGroup {

    private final CallerResolver caller;
    private final ConfirmIdentityUseCase confirm;
    private final RevealValuesUseCase reveal;

    @Inject
    public IdentityRoutes(CallerResolver caller, ConfirmIdentityUseCase confirm, RevealValuesUseCase reveal) {
        this.caller = caller;
        this.confirm = confirm;
        this.reveal = reveal;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.post("/api/v1/approvals/{id}/identity", this::confirm);
        config.routes.post("/api/v1/approvals/{id}/revealed-values", this::reveal);
    }

    private void reveal(Context ctx) {
        Caller who = caller.callerOf(ctx);
        RevealedValuesJson shown = new RevealedValuesJson(reveal.reveal(who.msp(), ctx.pathParam("id"), who.actor())
                .values());
        ctx.header("Cache-Control", "no-store").json(shown);
    }

    private void confirm(Context ctx) {
        Caller who = caller.callerOf(ctx);
        ctx.status(201).json(IdentityVerificationJson.from(confirm.confirm(new ConfirmIdentityCommand(who.msp(),
                ctx.pathParam("id"), who.actor(), who.role()))));
    }
}

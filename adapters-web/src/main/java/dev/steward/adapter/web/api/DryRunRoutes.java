package dev.steward.adapter.web.api;

import dev.steward.adapter.web.http.CallerResolver;
import dev.steward.adapter.web.http.JsonBodies;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.application.dryrun.DryRunCommand;
import dev.steward.application.dryrun.DryRunUseCase;
import dev.steward.application.signin.Caller;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;

/**
 * {@code POST /api/v1/clients/{slug}/dry-runs}: runs the client's agent in plan mode against a PSA ticket number or a
 * pasted text, writing nothing; answers the note it would post, the workflows that matched and every tool call.
 */
public final class DryRunRoutes implements RouteGroup {

    private final CallerResolver caller;
    private final JsonBodies bodies;
    private final DryRunUseCase dryRun;

    @Inject
    public DryRunRoutes(CallerResolver caller, JsonBodies bodies, DryRunUseCase dryRun) {
        this.caller = caller;
        this.bodies = bodies;
        this.dryRun = dryRun;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.post("/api/v1/clients/{slug}/dry-runs", this::run);
    }

    private void run(Context ctx) {
        Caller who = caller.callerOf(ctx);
        DryRunJson.Request body = bodies.read(ctx, DryRunJson.Request.class);
        ctx.json(DryRunJson.from(dryRun.run(new DryRunCommand(who.msp(), ctx.pathParam("slug"), body.ticket(),
                body.text(), who.actor()))));
    }
}

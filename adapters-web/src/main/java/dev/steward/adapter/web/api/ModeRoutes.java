package dev.steward.adapter.web.api;

import dev.steward.adapter.web.http.CallerResolver;
import dev.steward.adapter.web.http.JsonBodies;
import dev.steward.adapter.web.http.Requests;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.application.mode.ChangeOperatingModeUseCase;
import dev.steward.domain.msp.MspId;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;

/** {@code PUT /api/v1/clients/{slug}/mode}: how far one client's agent may act. */
public final class ModeRoutes implements RouteGroup {

    private final CallerResolver caller;
    private final JsonBodies bodies;
    private final ChangeOperatingModeUseCase changeMode;

    @Inject
    public ModeRoutes(CallerResolver caller, JsonBodies bodies, ChangeOperatingModeUseCase changeMode) {
        this.caller = caller;
        this.bodies = bodies;
        this.changeMode = changeMode;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.put("/api/v1/clients/{slug}/mode", this::change);
    }

    private void change(Context ctx) {
        MspId msp = caller.mspOf(ctx);
        ChangeModeJson body = bodies.read(ctx, ChangeModeJson.class);
        ClientRoutes.respond(ctx, changeMode.change(body.toCommand(msp, ctx.pathParam("slug"),
                Requests.expectedVersion(ctx))));
    }
}

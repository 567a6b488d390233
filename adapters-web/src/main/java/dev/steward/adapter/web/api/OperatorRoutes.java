package dev.steward.adapter.web.api;

import dev.steward.adapter.web.http.JsonBodies;
import dev.steward.adapter.web.http.Requests;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.application.operator.OperatorMspsUseCase;
import dev.steward.application.user.NewCredential;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.msp.MspId;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * {@code /api/v1/operator/…}, for operators only (operator credentials, checked by the sign-in gate): create, list,
 * suspend and resume MSPs, and create each MSP's first admin. Nothing here reads inside an MSP.
 */
public final class OperatorRoutes implements RouteGroup {

    private final JsonBodies bodies;
    private final OperatorMspsUseCase msps;

    @Inject
    public OperatorRoutes(JsonBodies bodies, OperatorMspsUseCase msps) {
        this.bodies = bodies;
        this.msps = msps;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/api/v1/operator/msps", ctx -> ctx.json(Map.of("items",
                msps.list().stream().map(OperatorMspJson::from).toList())));
        config.routes.post("/api/v1/operator/msps", this::create);
        config.routes.post("/api/v1/operator/msps/{id}/suspend", ctx -> ctx.json(OperatorMspJson.from(
                msps.suspend(mspId(ctx)))));
        config.routes.post("/api/v1/operator/msps/{id}/resume", ctx -> ctx.json(OperatorMspJson.from(
                msps.resume(mspId(ctx)))));
        config.routes.post("/api/v1/operator/msps/{id}/admins", this::firstAdmin);
    }

    private void create(Context ctx) {
        Msp created = msps.create(bodies.read(ctx, NewMspJson.class).name());
        ctx.status(201).header("Location", "/api/v1/operator/msps/" + created.id())
                .json(OperatorMspJson.from(created));
    }

    private void firstAdmin(Context ctx) {
        MspId msp = mspId(ctx);
        FirstAdminJson body = bodies.read(ctx, FirstAdminJson.class);
        NewCredential admin = msps.addFirstAdmin(msp, body.email(), body.delivery());
        ctx.status(201).json(UserCredentialJson.from(admin, Requests.baseUrl(ctx)));
    }

    private static MspId mspId(Context ctx) {
        return new MspId(Requests.uuidPathParam(ctx, "id"));
    }
}

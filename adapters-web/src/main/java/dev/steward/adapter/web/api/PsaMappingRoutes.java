package dev.steward.adapter.web.api;

import dev.steward.adapter.web.http.CallerResolver;
import dev.steward.adapter.web.http.JsonBodies;
import dev.steward.adapter.web.http.Requests;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.adapter.web.problem.RequestProblem;
import dev.steward.application.client.ClientDetails;
import dev.steward.application.psa.MapClientToPsaCommand;
import dev.steward.application.psa.MapClientToPsaUseCase;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;

/**
 * A client's company in the MSP's PSA: {@code PUT /api/v1/clients/{slug}/psa-mapping} (set, with {@code If-Match})
 * and {@code DELETE /api/v1/clients/{slug}/psa-mapping} (remove). Both answer the client.
 */
public final class PsaMappingRoutes implements RouteGroup {

    private final CallerResolver callers;
    private final JsonBodies bodies;
    private final MapClientToPsaUseCase map;

    @Inject
    public PsaMappingRoutes(CallerResolver callers, JsonBodies bodies, MapClientToPsaUseCase map) {
        this.callers = callers;
        this.bodies = bodies;
        this.map = map;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.put("/api/v1/clients/{slug}/psa-mapping", ctx -> {
            ClientJson.PsaMappingJson body = bodies.read(ctx, ClientJson.PsaMappingJson.class);
            if (blank(body.integrationKind()) && blank(body.companyId())) {
                throw RequestProblem.invalidField("companyId", "companyId.required",
                        "is required (DELETE removes the mapping)");
            }
            respond(ctx, map.map(new MapClientToPsaCommand(callers.mspOf(ctx), ctx.pathParam("slug"),
                    body.integrationKind() == null ? "" : body.integrationKind(),
                    body.companyId() == null ? "" : body.companyId(), Requests.expectedVersion(ctx))));
        });
        config.routes.delete("/api/v1/clients/{slug}/psa-mapping", ctx -> respond(ctx, map.map(
                new MapClientToPsaCommand(callers.mspOf(ctx), ctx.pathParam("slug"), null, null,
                        Requests.expectedVersion(ctx)))));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static void respond(Context ctx, ClientDetails details) {
        ctx.header("ETag", ClientJson.entityTag(details)).json(ClientJson.from(details));
    }
}
